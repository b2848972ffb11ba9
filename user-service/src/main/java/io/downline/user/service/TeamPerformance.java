package io.downline.user.service;

import java.math.BigDecimal;

import io.downline.user.domain.Period;

/**
 * How a team is doing in the current period.
 *
 * @param memberCount     members of the team, the leader not counted
 * @param activeMembers   of those, the ones whose account is active
 * @param progressPercent salesVolume / target in percent, 2 decimals half-even; null without a (non-zero) target
 */
public record TeamPerformance(Period period, long memberCount, long activeMembers, BigDecimal salesVolume,
        BigDecimal lastPeriodSalesVolume, BigDecimal lastCloseVolume, String lastClosePeriod, BigDecimal target,
        BigDecimal progressPercent, String leaderRank) {
}
