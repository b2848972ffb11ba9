package io.downline.platform.events.commissions;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A commission line passed its hold window; payout-service credits the beneficiary's wallet. Type
 * {@code commission.released}, key {@code beneficiaryId}.
 *
 * @param amount what the line still pays after any reversal
 */
public record CommissionReleased(UUID lineId, UUID orderId, UUID beneficiaryId, Money amount, Instant occurredAt)
        implements EventPayload {
}
