package io.downline.platform.events.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A sale was completed, by the shop or through commission-service's sales endpoint. Type {@code order.completed},
 * key {@code orderId}.
 *
 * @param memberId the seller
 * @param commissionableVolume CV, in the installation's currency
 */
public record OrderCompleted(UUID orderId, UUID memberId, Money amount, BigDecimal commissionableVolume,
        Instant completedAt, Instant occurredAt) implements EventPayload {
}
