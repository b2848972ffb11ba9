package io.downline.payout.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's three invariants, re-derived from every transfer: the sum over all accounts is zero; no member's
 * available balance is negative; each member's balances equal the sums of their accounts' transfers.
 */
public record InvariantReport(Instant checkedAt, long transfers, long accounts, BigDecimal sumOfAllBalances,
        List<Breach> breaches) {

    public boolean holds() {
        return breaches.isEmpty();
    }

    /**
     * @param invariant SUM_IS_ZERO, AVAILABLE_NOT_NEGATIVE or BALANCE_MATCHES_ENTRIES
     * @param memberId  the member concerned; null for the company-wide sum
     * @param expected  what the transfers say
     * @param actual    what the wallet row (or the sum) says
     */
    public record Breach(String invariant, UUID memberId, AccountKind account, BigDecimal expected, BigDecimal actual) {
    }
}
