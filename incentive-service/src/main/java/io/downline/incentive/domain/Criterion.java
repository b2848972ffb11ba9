package io.downline.incentive.domain;

import java.math.BigDecimal;

/**
 * One criterion of a tier.
 *
 * @param target the volume or number of members to reach; null for RANK_REACHED
 * @param rank   the rank to reach; only for RANK_REACHED
 */
public record Criterion(Metric metric, BigDecimal target, Rank rank) {

    public static Criterion of(Metric metric, String target) {
        return new Criterion(metric, new BigDecimal(target), null);
    }

    public static Criterion rank(Rank rank) {
        return new Criterion(Metric.RANK_REACHED, null, rank);
    }

    /** Whether the figures meet this criterion. */
    public boolean isMetBy(Figures figures) {
        return switch (metric) {
            case RANK_REACHED -> figures.highestRank().atLeast(rank);
            default -> figures.value(metric).compareTo(target) >= 0;
        };
    }

    /** How far the figures are towards this criterion, from 0 to 1 (capped). */
    public BigDecimal fraction(Figures figures) {
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

    /** Whether this criterion asks at least as much as the other (same metric). */
    public int compareDemand(Criterion other) {
        return metric == Metric.RANK_REACHED ? rank.compareTo(other.rank) : target.compareTo(other.target);
    }
}
