package io.downline.user.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.Period;
import io.downline.user.domain.Team;
import io.downline.user.domain.TeamMembership;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorTreeRepository;
import io.downline.user.repository.TeamMembershipRepository;
import io.downline.user.repository.TeamRepository;
import io.downline.user.repository.TeamSalesRepository;

/**
 * Teams: a leader and members from the leader's downline. Who may do what is {@link TeamAccess}'s; every
 * change made with a staff role is audited.
 */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final TeamSalesRepository sales;
    private final MemberRepository members;
    private final SponsorTreeRepository tree;
    private final TeamPerformanceService performance;
    private final TeamAccess access;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;

    public TeamService(TeamRepository teams, TeamMembershipRepository memberships, TeamSalesRepository sales,
            MemberRepository members, SponsorTreeRepository tree, TeamPerformanceService performance,
            TeamAccess access, OutboxWriter outbox, AdminAudit audit, Caller caller, Clock clock) {
        this.teams = teams;
        this.memberships = memberships;
        this.sales = sales;
        this.members = members;
        this.tree = tree;
        this.performance = performance;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** Creates a team led by {@code requestedLeaderId}, or by the caller when it is null. */
    @Transactional
    public TeamDetails create(String name, UUID requestedLeaderId) {
        UUID leaderId = access.leaderOfNewTeam(requestedLeaderId);
        Member leader = members.findByIdOptional(leaderId)
                .orElseThrow(() -> new BusinessRuleException("leaderId", "Member " + leaderId + " does not exist"));
        if (leader.status == MemberStatus.SUSPENDED || leader.status == MemberStatus.TERMINATED) {
            throw new BusinessRuleException("leaderId",
                    "A " + leader.status.name().toLowerCase(Locale.ROOT) + " member cannot lead a team");
        }
        String trimmed = name.trim();
        if (teams.nameTaken(leaderId, trimmed)) {
            throw new ConflictException("The leader already has a team named '" + trimmed + "'");
        }
        Team team = Team.create(trimmed, leaderId, caller.subject(), now());
        teams.persist(team);
        teams.flush();
        outbox.publish(EventType.TEAM_CREATED, team.id, new TeamCreated(team.id, team.name, leaderId, team.createdAt));
        audit.record("team.create", "team", team.id, null, TeamSummary.of(team, 0));
        return details(team, leader);
    }

    @Transactional
    public TeamDetails get(UUID teamId) {
        Team team = access.visible(teamId);
        return details(team, members.findById(team.leaderId));
    }

    /** Staff (admin, auditor) see every team; a member the teams they lead or belong to. */
    @Transactional
    public Page<TeamSummary> list(UUID leaderId, int page, int size) {
        TeamPermissions permissions = access.permissions();
        Page<Team> found;
        if (permissions.seesEveryTeam()) {
            found = teams.page(leaderId, page, size);
        } else if (permissions.memberId().isPresent()) {
            found = teams.pageOfMember(permissions.memberId().get(), leaderId, page, size);
        } else {
            return new Page<>(List.of(), page, size, 0);
        }
        Map<UUID, Long> counts = memberships.countByTeam(found.items().stream().map(team -> team.id).toList());
        return found.map(team -> TeamSummary.of(team, counts.getOrDefault(team.id, 0L)));
    }

    @Transactional
    public TeamMember addMember(UUID teamId, UUID memberId) {
        Team team = access.manageable(teamId);
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new BusinessRuleException("memberId", "Member " + memberId + " does not exist"));
        if (memberships.isMember(teamId, memberId)) {
            throw new ConflictException("Member " + memberId + " is already in the team");
        }
        if (member.status == MemberStatus.TERMINATED) {
            throw new BusinessRuleException("memberId", "Member " + memberId + " is terminated");
        }
        if (!tree.isInDownline(team.leaderId, memberId)) {
            throw new BusinessRuleException("memberId",
                    "Member " + memberId + " is not in the downline of the team's leader");
        }
        TeamMembership membership = TeamMembership.of(teamId, memberId, caller.subject(), now());
        memberships.persist(membership);
        memberships.flush();
        outbox.publish(EventType.TEAM_MEMBER_ADDED, teamId, new TeamMemberAdded(teamId, memberId, membership.addedAt));
        TeamMember added = TeamMember.of(membership, member);
        audit.record("team.member-add", "team", teamId, null, added);
        return added;
    }

    /** The leader or an admin removes a member; a member may also leave a team themselves. */
    @Transactional
    public void removeMember(UUID teamId, UUID memberId) {
        access.removable(teamId, memberId);
        TeamMembership membership = memberships.findMembership(teamId, memberId)
                .orElseThrow(() -> new NotFoundException("Member " + memberId + " is not in team " + teamId));
        TeamMember before = TeamMember.of(membership, members.findById(memberId));
        memberships.delete(membership);
        memberships.flush();
        outbox.publish(EventType.TEAM_MEMBER_REMOVED, teamId, new TeamMemberRemoved(teamId, memberId, now()));
        audit.record("team.member-remove", "team", teamId, before, null);
    }

    /** Sets the target of the current period. */
    @Transactional
    public TeamDetails setTarget(UUID teamId, BigDecimal volume) {
        Team team = access.manageable(teamId);
        Period period = performance.currentPeriod();
        BigDecimal target = volume.setScale(2);
        BigDecimal before = sales.targetOf(teamId, period);
        sales.setTarget(teamId, period, target);
        audit.record("team.target-set", "team", teamId, new TeamTarget(period.toString(), before),
                new TeamTarget(period.toString(), target));
        return details(team, members.findById(team.leaderId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private TeamDetails details(Team team, Member leader) {
        List<TeamMembership> list = memberships.ofTeam(team.id);
        Map<UUID, Member> byId = list.isEmpty() ? Map.of()
                : members.list("id in ?1", list.stream().map(m -> m.memberId).toList()).stream()
                        .collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<TeamMember> teamMembers = list.stream().map(m -> TeamMember.of(m, byId.get(m.memberId))).toList();
        return new TeamDetails(team, leader, teamMembers, performance.of(team, leader));
    }
}
