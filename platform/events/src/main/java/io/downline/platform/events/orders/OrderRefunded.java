package io.downline.platform.events.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A sale was refunded, in part or in full. Type {@code order.refunded}, key {@code orderId}.
 *
 * @param memberId the seller
 * @param amount the amount refunded by this refund
 * @param commissionableVolume the CV refunded by this refund
 */
public record OrderRefunded(UUID orderId, UUID refundId, UUID memberId, Money amount, BigDecimal commissionableVolume,
        Instant occurredAt) implements EventPayload {
}
