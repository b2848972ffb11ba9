package io.downline.user.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.downline.user.domain.Team;
import io.downline.user.repository.TeamMembershipRepository;
import io.downline.user.repository.TeamRepository;

/**
 * The access checks of every team and meeting use case. Each starts with the caller's standing: a suspended
 * or terminated member neither changes nor reads team data (staff act with their role and pass).
 */
@ApplicationScoped
public class TeamAccess {

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final Caller caller;

    public TeamAccess(TeamRepository teams, TeamMembershipRepository memberships, Caller caller) {
        this.teams = teams;
        this.memberships = memberships;
        this.caller = caller;
    }

    /** The caller's team permissions, once their standing is checked. */
    public TeamPermissions permissions() {
        caller.requireGoodStanding();
        return new TeamPermissions(caller.memberId(), caller.hasRole(Roles.ADMIN), caller.hasRole(Roles.AUDITOR));
    }

    /** The team, if the caller may see it: its leader, its members, admins and auditors. */
    public Team visible(UUID teamId) {
        TeamPermissions permissions = permissions();
        Team team = find(teamId, permissions);
        boolean belongs = permissions.memberId().map(me -> memberships.isMember(teamId, me)).orElse(false);
        if (!permissions.maySee(team.leaderId, belongs)) {
            throw new AccessDeniedException("Only the team's leader, its members and staff may see team " + teamId);
        }
        return team;
    }

    /** The team, if the caller may manage it: its leader or an admin. */
    public Team manageable(UUID teamId) {
        TeamPermissions permissions = permissions();
        Team team = find(teamId, permissions);
        if (!permissions.mayManage(team.leaderId)) {
            throw new AccessDeniedException("Only the team's leader or an admin may manage team " + teamId);
        }
        return team;
    }

    /** The team, if the caller may remove the member from it: its manager, or the member leaving. */
    public Team removable(UUID teamId, UUID memberId) {
        TeamPermissions permissions = permissions();
        Team team = find(teamId, permissions);
        if (!permissions.mayRemove(team.leaderId, memberId)) {
            throw new AccessDeniedException("Only the team's leader or an admin may remove others from team " + teamId);
        }
        return team;
    }

    /**
     * Who leads a new team: the one requested if the caller may create a team for them, else the caller. An
     * admin without a member profile must name the leader.
     */
    public UUID leaderOfNewTeam(UUID requestedLeaderId) {
        TeamPermissions permissions = permissions();
        if (requestedLeaderId == null) {
            if (permissions.admin()) {
                return permissions.memberId().orElseThrow(() -> new BusinessRuleException("leaderId",
                        "leaderId is required when you have no member profile"));
            }
            return caller.requireMemberId();
        }
        if (!permissions.mayCreateFor(requestedLeaderId)) {
            throw new AccessDeniedException("Only an admin may create a team led by someone else");
        }
        return requestedLeaderId;
    }

    /**
     * Access is decided before existence is revealed: to a member, a team id that does not exist is refused
     * like a team they may not see, so that guessing ids tells nothing. Staff who see every team get 404.
     */
    private Team find(UUID teamId, TeamPermissions permissions) {
        return teams.findByIdOptional(teamId).orElseThrow(() -> permissions.seesEveryTeam()
                ? NotFoundException.of("Team", teamId)
                : new AccessDeniedException("Only the team's leader, its members and staff may see team " + teamId));
    }
}
