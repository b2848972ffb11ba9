package io.downline.payout.domain;

import static io.downline.payout.domain.AccountKind.AVAILABLE;
import static io.downline.payout.domain.AccountKind.CLAWBACK;
import static io.downline.payout.domain.AccountKind.COMMISSION_EXPENSE;
import static io.downline.payout.domain.AccountKind.INCENTIVE_EXPENSE;
import static io.downline.payout.domain.AccountKind.ON_HOLD;
import static io.downline.payout.domain.AccountKind.PAYOUTS_IN_TRANSIT;
import static io.downline.payout.domain.AccountKind.PENDING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.downline.platform.domain.BusinessRuleException;

/**
 * The transfers of each cause, given the member's balances before it. Pure rules, no I/O: the ledger applies
 * what these return under the member's wallet lock.
 */
public final class Postings {

    private Postings() {
    }

    /** A commission line earned: commission expense to pending. */
    public static List<Transfer> commissionEarned(UUID lineId, UUID member, BigDecimal amount) {
        return List.of(Transfer.of(lineId, LedgerReason.COMMISSION_EARNED, Account.company(COMMISSION_EXPENSE),
                Account.member(PENDING, member), amount));
    }

    /** A line released: pending to available, paying off any clawback receivable first. */
    public static List<Transfer> commissionReleased(UUID lineId, UUID member, BigDecimal amount, Balances before) {
        requireAtLeast(before.pending(), amount, "pending balance", "release");
        return payOffFirst(lineId, LedgerReason.COMMISSION_RELEASED, Account.member(PENDING, member), member, amount,
                before);
    }

    /**
     * A line reversed. Before its release the pending balance gives it back; after it, the available balance
     * does, and what it cannot cover becomes a clawback receivable.
     */
    public static List<Transfer> commissionReversed(UUID reversalId, UUID member, BigDecimal amount, boolean released,
            Balances before) {
        Account expense = Account.company(COMMISSION_EXPENSE);
        if (!released) {
            requireAtLeast(before.pending(), amount, "pending balance", "reversal");
            return List.of(Transfer.of(reversalId, LedgerReason.COMMISSION_REVERSED, Account.member(PENDING, member),
                    expense, amount));
        }
        BigDecimal fromAvailable = amount.min(before.available());
        BigDecimal owed = amount.subtract(fromAvailable);
        List<Transfer> transfers = new ArrayList<>(2);
        if (fromAvailable.signum() > 0) {
            transfers.add(Transfer.of(reversalId, LedgerReason.COMMISSION_REVERSED, Account.member(AVAILABLE, member),
                    expense, fromAvailable));
        }
        if (owed.signum() > 0) {
            transfers.add(Transfer.clawback(reversalId, LedgerReason.COMMISSION_REVERSED,
                    Account.member(CLAWBACK, member), expense, owed));
        }
        return transfers;
    }

    /** A cash award: incentive expense to available, paying off any clawback receivable first. */
    public static List<Transfer> incentiveAwarded(UUID awardId, UUID member, BigDecimal amount, Balances before) {
        return payOffFirst(awardId, LedgerReason.INCENTIVE_AWARDED, Account.company(INCENTIVE_EXPENSE), member, amount,
                before);
    }

    /** A payout request holds its amount. */
    public static List<Transfer> hold(UUID payoutId, UUID member, BigDecimal amount, Balances before) {
        requireAtLeast(before.available(), amount, "available balance", "payout");
        return List.of(Transfer.of(payoutId, LedgerReason.PAYOUT_HOLD, Account.member(AVAILABLE, member),
                Account.member(ON_HOLD, member), amount));
    }

    /** A rejected, cancelled or failed payout gives its hold back. */
    public static List<Transfer> releaseHold(UUID payoutId, UUID member, BigDecimal amount) {
        return List.of(Transfer.of(payoutId, LedgerReason.PAYOUT_HOLD_RELEASED, Account.member(ON_HOLD, member),
                Account.member(AVAILABLE, member), amount));
    }

    /** A paid payout leaves the member's hold for the bank. */
    public static List<Transfer> paid(UUID payoutId, UUID member, BigDecimal amount) {
        return List.of(Transfer.of(payoutId, LedgerReason.PAYOUT_PAID, Account.member(ON_HOLD, member),
                Account.company(PAYOUTS_IN_TRANSIT), amount));
    }

    private static List<Transfer> payOffFirst(UUID causeId, LedgerReason reason, Account from, UUID member,
            BigDecimal amount, Balances before) {
        BigDecimal toClawback = amount.min(before.owed());
        BigDecimal toAvailable = amount.subtract(toClawback);
        List<Transfer> transfers = new ArrayList<>(2);
        if (toClawback.signum() > 0) {
            transfers.add(Transfer.clawback(causeId, reason, from, Account.member(CLAWBACK, member), toClawback));
        }
        if (toAvailable.signum() > 0) {
            transfers.add(Transfer.of(causeId, reason, from, Account.member(AVAILABLE, member), toAvailable));
        }
        return transfers;
    }

    private static void requireAtLeast(BigDecimal balance, BigDecimal amount, String what, String action) {
        if (balance.compareTo(amount) < 0) {
            throw new BusinessRuleException("amount", "The " + action + " of " + amount + " exceeds the " + what + " of "
                    + balance);
        }
    }
}
