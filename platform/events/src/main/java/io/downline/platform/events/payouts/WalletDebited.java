package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * Money left a member's available balance. Type {@code wallet.debited}, key {@code memberId}.
 *
 * @param transactionId the ledger transfer
 * @param amount positive
 * @param reason one of COMMISSION_REVERSED, PAYOUT_HOLD, ADJUSTMENT
 * @param referenceId what caused it: the commission reversal or the payout; null for an adjustment
 * @param availableBalance the available balance after the debit
 */
public record WalletDebited(UUID transactionId, UUID memberId, Money amount, String reason, UUID referenceId,
        Money availableBalance, Instant occurredAt) implements EventPayload {
}
