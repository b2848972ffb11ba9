package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A completed order, from the shop's event or the sales endpoint. */
public record NewSale(UUID orderId, UUID sellerId, BigDecimal amount, String currency, BigDecimal cv,
        Instant completedAt) implements OrderEvent {
}
