package io.downline.commission.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A commission line as stored.
 *
 * @param remaining what the line still pays after reversals
 * @param releasedAt null while the line is pending
 */
public record CommissionLine(UUID lineId, UUID orderId, UUID beneficiaryId, UUID sellerId, int level, BigDecimal rate,
        BigDecimal amount, BigDecimal remaining, Rank paidAsRank, String period, int planVersion, String rule,
        Instant createdAt, Instant releaseAt, Instant releasedAt) {

    public boolean released() {
        return releasedAt != null;
    }
}
