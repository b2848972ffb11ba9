package io.downline.user.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.paging.Page;
import io.downline.platform.http.ProblemException;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
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
import io.downline.user.rest.dto.TeamCreateRequest;
import io.downline.user.rest.dto.TeamMemberView;
import io.downline.user.rest.dto.TeamSummaryView;
import io.downline.user.rest.dto.TeamTargetView;
import io.downline.user.rest.dto.TeamView;

/**
 * Teams: a leader and members from the leader's downline. The leader manages the team; an admin may manage
 * any team, and every change an admin makes to a team they do not lead is audited.
 */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final TeamSalesRepository sales;
    private final MemberRepository members;
    private final SponsorTreeRepository tree;
    private final TeamPerformanceService performance;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;

    public TeamService(TeamRepository teams, TeamMembershipRepository memberships, TeamSalesRepository sales,
            MemberRepository members, SponsorTreeRepository tree, TeamPerformanceService performance,
            OutboxWriter outbox, AdminAudit audit, Caller caller) {
        this.teams = teams;
        this.memberships = memberships;
        this.sales = sales;
        this.members = members;
        this.tree = tree;
        this.performance = performance;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public TeamView create(TeamCreateRequest request) {
        UUID leaderId = leaderOf(request);
        Member leader = members.findByIdOptional(leaderId)
                .orElseThrow(() -> ProblemException.unprocessable("Member " + leaderId + " does not exist"));
        if (leader.status == MemberStatus.SUSPENDED || leader.status == MemberStatus.TERMINATED) {
            throw ProblemException.unprocessable("A " + leader.status.name().toLowerCase(java.util.Locale.ROOT) + " member cannot lead a team");
        }
        String name = request.name().trim();
        if (teams.nameTaken(leaderId, name)) {
            throw ProblemException.conflict("The leader already has a team named '" + name + "'");
        }
        Team team = Team.create(name, leaderId, caller.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        teams.persist(team);
        teams.flush();
        outbox.publish(EventType.TEAM_CREATED, team.id, new TeamCreated(team.id, team.name, leaderId, team.createdAt));
        if (actsAsAdmin(team)) {
            audit.record("team.create", "team", team.id, null, TeamSummaryView.of(team, 0));
        }
        return view(team, leader);
    }

    @Transactional
    public TeamView get(UUID teamId) {
        return view(visible(teamId));
    }

    /** Staff (admin, auditor) see every team; a member the teams they lead or belong to. */
    @Transactional
    public Page<TeamSummaryView> list(UUID leaderId, int page, int size) {
        Page<Team> found;
        if (caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR)) {
            found = teams.page(leaderId, page, size);
        } else {
            UUID me = caller.memberId().orElse(null);
            if (me == null) {
                return new Page<>(List.of(), page, size, 0);
            }
            found = teams.pageOfMember(me, leaderId, page, size);
        }
        Map<UUID, Long> counts = memberships.countByTeam(found.items().stream().map(team -> team.id).toList());
        return found.map(team -> TeamSummaryView.of(team, counts.getOrDefault(team.id, 0L)));
    }

    @Transactional
    public TeamMemberView addMember(UUID teamId, UUID memberId) {
        Team team = manageable(teamId);
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> ProblemException.unprocessable("Member " + memberId + " does not exist"));
        if (memberships.isMember(teamId, memberId)) {
            throw ProblemException.conflict("Member " + memberId + " is already in the team");
        }
        if (member.status == MemberStatus.TERMINATED) {
            throw ProblemException.unprocessable("Member " + memberId + " is terminated");
        }
        if (!tree.isInDownline(team.leaderId, memberId)) {
            throw ProblemException.unprocessable("Member " + memberId + " is not in the downline of the team's leader");
        }
        TeamMembership membership = TeamMembership.of(teamId, memberId, caller.subject(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        memberships.persist(membership);
        memberships.flush();
        outbox.publish(EventType.TEAM_MEMBER_ADDED, teamId, new TeamMemberAdded(teamId, memberId, membership.addedAt));
        TeamMemberView view = TeamMemberView.of(membership, member);
        if (actsAsAdmin(team)) {
            audit.record("team.member-add", "team", teamId, null, view);
        }
        return view;
    }

    /** The leader or an admin removes a member; a member may also leave a team themselves. */
    @Transactional
    public void removeMember(UUID teamId, UUID memberId) {
        boolean leaving = caller.isMember(memberId);
        Team team = leaving ? find(teamId) : manageable(teamId);
        TeamMembership membership = memberships.findMembership(teamId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId + " is not in team " + teamId));
        TeamMemberView before = TeamMemberView.of(membership, members.findById(memberId));
        memberships.delete(membership);
        memberships.flush();
        outbox.publish(EventType.TEAM_MEMBER_REMOVED, teamId, new TeamMemberRemoved(teamId, memberId, Instant.now()));
        if (!leaving && actsAsAdmin(team)) {
            audit.record("team.member-remove", "team", teamId, before, null);
        }
    }

    /** Sets the target of the current period. */
    @Transactional
    public TeamView setTarget(UUID teamId, BigDecimal volume) {
        Team team = manageable(teamId);
        Period period = Period.current();
        BigDecimal target = volume.setScale(2);
        BigDecimal before = sales.targetOf(teamId, period);
        sales.setTarget(teamId, period, target);
        if (actsAsAdmin(team)) {
            audit.record("team.target-set", "team", teamId, new TeamTargetView(period.toString(), before),
                    new TeamTargetView(period.toString(), target));
        }
        return view(team);
    }

    /** The team, if the caller may see it: its leader, its members, admins and auditors. */
    public Team visible(UUID teamId) {
        Team team = find(teamId);
        boolean allowed = caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR) || caller.isMember(team.leaderId)
                || caller.memberId().map(me -> memberships.isMember(teamId, me)).orElse(false);
        if (!allowed) {
            throw ProblemException.forbidden("Only the team's leader, its members and staff may see team " + teamId);
        }
        return team;
    }

    /** The team, if the caller may manage it: its leader or an admin. */
    public Team manageable(UUID teamId) {
        Team team = find(teamId);
        if (!caller.isMember(team.leaderId) && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only the team's leader or an admin may manage team " + teamId);
        }
        return team;
    }

    /** Whether the caller changes the team with admin authority rather than as its leader. */
    public boolean actsAsAdmin(Team team) {
        return !caller.isMember(team.leaderId);
    }

    private Team find(UUID teamId) {
        return teams.findByIdOptional(teamId).orElseThrow(() -> ProblemException.notFound("Team", teamId));
    }

    private UUID leaderOf(TeamCreateRequest request) {
        if (request.leaderId() == null) {
            return caller.hasRole(Roles.ADMIN)
                    ? caller.memberId().orElseThrow(() -> ProblemException.invalidField("leaderId",
                            "is required when you have no member profile"))
                    : caller.requireMemberId();
        }
        if (!caller.isMember(request.leaderId()) && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may create a team led by someone else");
        }
        return request.leaderId();
    }

    private TeamView view(Team team) {
        return view(team, members.findById(team.leaderId));
    }

    private TeamView view(Team team, Member leader) {
        List<TeamMembership> list = memberships.ofTeam(team.id);
        Map<UUID, Member> byId = list.isEmpty() ? Map.of()
                : members.list("id in ?1", list.stream().map(m -> m.memberId).toList()).stream()
                        .collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<TeamMemberView> memberViews = list.stream().map(m -> TeamMemberView.of(m, byId.get(m.memberId))).toList();
        return new TeamView(team.id, team.name, team.leaderId, leader.name, team.createdAt, memberViews,
                performance.of(team, leader));
    }
}
