package io.downline.commission.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.commission.domain.CommissionLine;

/**
 * A commission line with why it was paid.
 *
 * @param remaining what it still pays after reversals
 * @param status    PENDING during the hold window, then RELEASED
 */
public record LineView(UUID lineId, UUID orderId, UUID sellerId, int level, BigDecimal rate, BigDecimal amount,
        BigDecimal remaining, String paidAsRank, String period, int planVersion, String rule, String status,
        Instant earnedAt, Instant releaseAt, Instant releasedAt) {

    public static LineView of(CommissionLine line) {
        return new LineView(line.lineId(), line.orderId(), line.sellerId(), line.level(),
                rate(line.rate()), line.amount(), line.remaining(), line.paidAsRank().name(),
                line.period(), line.planVersion(), line.rule(), line.released() ? "RELEASED" : "PENDING",
                line.createdAt(), line.releaseAt(), line.releasedAt());
    }

    /** The rate as the plan writes it: at least two decimals (0.10), more only when it has them (0.025). */
    private static BigDecimal rate(BigDecimal stored) {
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }
}
