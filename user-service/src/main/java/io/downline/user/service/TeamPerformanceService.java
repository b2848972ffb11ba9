package io.downline.user.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.user.domain.Member;
import io.downline.user.domain.Period;
import io.downline.user.domain.Team;
import io.downline.user.domain.TeamSales;
import io.downline.user.repository.TeamMembershipRepository;
import io.downline.user.repository.TeamSalesRepository;

/** A team's performance, read from its projections (sales per period, last close) and its members. */
@ApplicationScoped
public class TeamPerformanceService {

    private static final BigDecimal NO_VOLUME = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TeamMembershipRepository memberships;
    private final TeamSalesRepository sales;
    private final Clock clock;

    public TeamPerformanceService(TeamMembershipRepository memberships, TeamSalesRepository sales, Clock clock) {
        this.memberships = memberships;
        this.sales = sales;
        this.clock = clock;
    }

    /** The period sales volumes and targets refer to now. */
    public Period currentPeriod() {
        return Period.of(clock.instant());
    }

    public TeamPerformance of(Team team, Member leader) {
        Period period = currentPeriod();
        TeamMembershipRepository.Headcount headcount = memberships.headcount(team.id);
        Optional<TeamSales> current = sales.ofPeriod(team.id, period);
        BigDecimal salesVolume = current.map(s -> s.salesVolume).orElse(NO_VOLUME);
        BigDecimal target = current.map(s -> s.targetVolume).orElse(null);
        BigDecimal lastPeriod = sales.ofPeriod(team.id, period.previous()).map(s -> s.salesVolume).orElse(NO_VOLUME);
        return new TeamPerformance(period, headcount.members(), headcount.active(), salesVolume, lastPeriod,
                team.lastCloseVolume, team.lastClosePeriod, target, progress(salesVolume, target), leader.rank);
    }

    private static BigDecimal progress(BigDecimal salesVolume, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return salesVolume.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_EVEN);
    }
}
