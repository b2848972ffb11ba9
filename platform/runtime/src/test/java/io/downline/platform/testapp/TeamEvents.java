package io.downline.platform.testapp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;

/**
 * The consumer tests' domain, shaped like a service's: teams (team.created, which releases what waits for the
 * team), members of a team that may not be known yet (team.member-added, parked until it is), and a fact the domain
 * refuses (team.member-removed).
 */
@ApplicationScoped
public class TeamEvents {

    private final Parking parking;
    private final EntityManager entityManager;

    public TeamEvents(Parking parking, EntityManager entityManager) {
        this.parking = parking;
        this.entityManager = entityManager;
    }

    public void apply(EventEnvelope event) {
        // A table a test locks makes an attempt fail fast, as a database under trouble would.
        entityManager.createNativeQuery("SET LOCAL lock_timeout = '300ms'").executeUpdate();
        switch (event.type()) {
            case "team.created" -> created(event.payload(TeamCreated.class));
            case "team.member-added" -> memberAdded(event.payload(TeamMemberAdded.class));
            case "team.member-removed" -> throw new BusinessRuleException("Members never leave a test team");
            default -> {
                // not a team event
            }
        }
    }

    private void created(TeamCreated team) {
        if (!entityManager.createNativeQuery("SELECT 1 FROM inbox_refused_name WHERE name = ?1")
                .setParameter(1, team.name()).getResultList().isEmpty()) {
            throw new BusinessRuleException("name", "The team name " + team.name() + " is refused");
        }
        entityManager.createNativeQuery("""
                INSERT INTO inbox_team (id, name) VALUES (?1, ?2)
                ON CONFLICT (id) DO UPDATE SET applied = inbox_team.applied + 1""")
                .setParameter(1, team.teamId())
                .setParameter(2, team.name())
                .executeUpdate();
        parking.release("team", team.teamId());
    }

    private void memberAdded(TeamMemberAdded added) {
        if (!teamExists(added.teamId())) {
            throw new WaitingFor("team", added.teamId());
        }
        entityManager.createNativeQuery("INSERT INTO inbox_team_member (team_id, member_id) VALUES (?1, ?2)")
                .setParameter(1, added.teamId())
                .setParameter(2, added.memberId())
                .executeUpdate();
    }

    private boolean teamExists(UUID teamId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM inbox_team WHERE id = ?1")
                .setParameter(1, teamId)
                .getResultList()
                .isEmpty();
    }
}
