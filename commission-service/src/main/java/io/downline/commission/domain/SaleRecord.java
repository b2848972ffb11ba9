package io.downline.commission.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded sale with what has been refunded of it so far. */
public record SaleRecord(UUID orderId, UUID sellerId, BigDecimal amount, String currency, BigDecimal cv,
        BigDecimal refundedAmount, BigDecimal refundedCv, Instant completedAt, String period, int planVersion,
        BigDecimal paid, BigDecimal breakage, String explanation) {
}
