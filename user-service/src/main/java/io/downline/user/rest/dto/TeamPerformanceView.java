package io.downline.user.rest.dto;

import java.math.BigDecimal;

import io.downline.user.service.TeamPerformance;

/**
 * How a team is doing.
 *
 * @param period                the current period (yyyy-MM, UTC) the sales volume and target refer to
 * @param memberCount           members of the team, the leader not counted
 * @param activeMembers         of those, the ones whose account is active
 * @param salesVolume           CV of the period's completed orders of the leader and members, net of refunds
 * @param lastPeriodSalesVolume the same for the previous period
 * @param lastCloseVolume       the leader's group volume at the last period close; null before any close
 * @param lastClosePeriod       the period of that close
 * @param target                the period's target; null when none was set
 * @param progressPercent       salesVolume / target in percent, 2 decimals; null without a (non-zero) target
 * @param leaderRank            the leader's paid-as rank
 */
public record TeamPerformanceView(String period, long memberCount, long activeMembers, BigDecimal salesVolume,
        BigDecimal lastPeriodSalesVolume, BigDecimal lastCloseVolume, String lastClosePeriod, BigDecimal target,
        BigDecimal progressPercent, String leaderRank) {

    public static TeamPerformanceView of(TeamPerformance p) {
        return new TeamPerformanceView(p.period().toString(), p.memberCount(), p.activeMembers(), p.salesVolume(),
                p.lastPeriodSalesVolume(), p.lastCloseVolume(), p.lastClosePeriod(), p.target(), p.progressPercent(),
                p.leaderRank());
    }
}
