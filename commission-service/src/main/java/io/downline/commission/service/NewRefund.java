package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A refund of (part of) an order, from the shop's event or the refunds endpoint. */
public record NewRefund(UUID refundId, UUID orderId, BigDecimal amount, BigDecimal cv, Instant at) implements OrderEvent {
}
