package io.downline.user.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.TeamMembership;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TeamMembershipRepository implements PanacheRepositoryBase<TeamMembership, Long> {

    public Optional<TeamMembership> findMembership(UUID teamId, UUID memberId) {
        return find("teamId = ?1 and memberId = ?2", teamId, memberId).firstResultOptional();
    }

    public boolean isMember(UUID teamId, UUID memberId) {
        return count("teamId = ?1 and memberId = ?2", teamId, memberId) > 0;
    }

    public List<TeamMembership> ofTeam(UUID teamId) {
        return list("teamId", Sort.by("addedAt").and("id"), teamId);
    }

    /** Members per team, for the given teams (a team without members is absent). */
    public Map<UUID, Long> countByTeam(Collection<UUID> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select tm.teamId, count(tm) from TeamMembership tm where tm.teamId in :teams group by tm.teamId",
                        Object[].class)
                .setParameter("teams", teamIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    /** How many members the team has, and how many of them are active. */
    public Headcount headcount(UUID teamId) {
        Object[] row = getEntityManager().createQuery("""
                select count(tm), coalesce(sum(case when m.status = :active then 1 else 0 end), 0)
                from TeamMembership tm join Member m on m.id = tm.memberId
                where tm.teamId = :team""", Object[].class)
                .setParameter("active", MemberStatus.ACTIVE)
                .setParameter("team", teamId)
                .getSingleResult();
        return new Headcount(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Headcount(long members, long active) {
    }
}
