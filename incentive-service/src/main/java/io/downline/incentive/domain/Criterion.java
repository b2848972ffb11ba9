package io.downline.incentive.domain;

import java.math.BigDecimal;

/**
 * One criterion of a tier.
 *
 * @param target the volume or number of members to reach; null for RANK_REACHED and KYC_APPROVED
 * @param rank   the rank to reach; only for RANK_REACHED
 */
public record Criterion(Metric metric, BigDecimal target, Rank rank) {

    public static Criterion of(Metric metric, String target) {
        return new Criterion(metric, new BigDecimal(target), null);
    }

    public static Criterion rank(Rank rank) {
        return new Criterion(Metric.RANK_REACHED, null, rank);
    }

    public static Criterion kycApproved() {
        return new Criterion(Metric.KYC_APPROVED, null, null);
    }

    /** Whether the figures meet this criterion. */
    public boolean isMetBy(Figures figures) {
        return switch (metric) {
            case RANK_REACHED -> figures.highestRank().atLeast(rank);
            case KYC_APPROVED -> figures.kycApproved();
            default -> figures.value(metric).compareTo(target) >= 0;
        };
    }

    /** How far the figures are towards this criterion, from 0 to 1 (capped). */
    public BigDecimal fraction(Figures figures) {
        if (metric == Metric.KYC_APPROVED) {
            return figures.kycApproved() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (metric == Metric.RANK_REACHED) {
            return figures.highestRank().atLeast(rank) ? BigDecimal.ONE
                    : BigDecimal.valueOf(figures.highestRank().ordinal())
                            .divide(BigDecimal.valueOf(rank.ordinal()), 6, java.math.RoundingMode.HALF_EVEN);
        }
        BigDecimal value = figures.value(metric);
        if (value.compareTo(target) >= 0) {
            return BigDecimal.ONE;
        }
        return value.max(BigDecimal.ZERO).divide(target, 6, java.math.RoundingMode.HALF_EVEN);
    }

    /** Whether this criterion asks at least as much as the other (same metric); KYC approval asks the same of all. */
    public int compareDemand(Criterion other) {
        return switch (metric) {
            case RANK_REACHED -> rank.compareTo(other.rank);
            case KYC_APPROVED -> 0;
            default -> target.compareTo(other.target);
        };
    }
}
