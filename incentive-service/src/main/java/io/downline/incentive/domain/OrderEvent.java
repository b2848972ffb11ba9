package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order event as the engine applies it: a sale of a member, or a refund of a sale. */
public sealed interface OrderEvent {

    UUID orderId();

    /** A sale counts for the seller's personal volume in the window of its completion time. */
    record Completed(UUID orderId, UUID sellerId, BigDecimal volume, Instant completedAt) implements OrderEvent {
    }

    /** A refund lowers what its sale counted, never by more than what is left of it. */
    record Refunded(UUID orderId, BigDecimal volume) implements OrderEvent {
    }
}
