package io.downline.platform.events.commissions;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A refund reversed a commission line, in part or in full. Type {@code commission.reversed}, key
 * {@code beneficiaryId}.
 *
 * @param reversalId unique per reversal: a line can be reversed in several parts
 * @param amount the amount taken back by this reversal, positive
 * @param remainingAmount what the line pays after this reversal
 * @param released whether the line had already been released to the wallet, which must then be debited
 */
public record CommissionReversed(UUID lineId, UUID reversalId, UUID orderId, UUID refundId, UUID beneficiaryId,
        Money amount, Money remainingAmount, boolean released, Instant occurredAt) implements EventPayload {
}
