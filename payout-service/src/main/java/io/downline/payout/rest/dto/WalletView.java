package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.util.UUID;

import io.downline.payout.domain.Balances;

/**
 * A member's balances. {@code clawback} is zero or negative: what the member owes after a reversal of money
 * already paid out, settled from future credits first.
 */
public record WalletView(UUID memberId, String currency, BigDecimal available, BigDecimal pending, BigDecimal onHold,
        BigDecimal clawback) {

    public static WalletView of(UUID memberId, String currency, Balances balances) {
        return new WalletView(memberId, currency, balances.available(), balances.pending(), balances.onHold(),
                balances.clawback());
    }
}
