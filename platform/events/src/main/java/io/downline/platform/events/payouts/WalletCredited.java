package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * Money came into a member's available balance. Type {@code wallet.credited}, key {@code memberId}.
 *
 * @param transactionId the ledger transfer
 * @param amount positive
 * @param reason one of COMMISSION_RELEASED, INCENTIVE_AWARDED, PAYOUT_HOLD_RELEASED, ADJUSTMENT
 * @param referenceId what caused it: the commission line, the incentive award or the payout; null for an
 *        adjustment
 * @param availableBalance the available balance after the credit
 */
public record WalletCredited(UUID transactionId, UUID memberId, Money amount, String reason, UUID referenceId,
        Money availableBalance, Instant occurredAt) implements EventPayload {
}
