package io.downline.notification.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Teams, their members and meetings, from users events: who a team's or a meeting's news reaches. */
@ApplicationScoped
public class TeamRepository {

    private final EntityManager em;

    public TeamRepository(EntityManager em) {
        this.em = em;
    }

    public void create(UUID teamId, String name, UUID leaderId) {
        em.createNativeQuery("INSERT INTO team (team_id, name, leader_id) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (team_id) DO NOTHING")
                .setParameter(1, teamId).setParameter(2, name).setParameter(3, leaderId).executeUpdate();
    }

    public void addMember(UUID teamId, UUID memberId) {
        em.createNativeQuery("INSERT INTO team_member (team_id, member_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, memberId).executeUpdate();
    }

    public void removeMember(UUID teamId, UUID memberId) {
        em.createNativeQuery("DELETE FROM team_member WHERE team_id = ?1 AND member_id = ?2")
                .setParameter(1, teamId).setParameter(2, memberId).executeUpdate();
    }

    public void scheduleMeeting(UUID meetingId, UUID teamId, String title) {
        em.createNativeQuery("INSERT INTO meeting (meeting_id, team_id, title) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (meeting_id) DO NOTHING")
                .setParameter(1, meetingId).setParameter(2, teamId).setParameter(3, title).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<String> name(UUID teamId) {
        List<String> rows = em.createNativeQuery("SELECT name FROM team WHERE team_id = ?1")
                .setParameter(1, teamId).getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    public Optional<UUID> teamOfMeeting(UUID meetingId) {
        List<UUID> rows = em.createNativeQuery("SELECT team_id FROM meeting WHERE meeting_id = ?1", UUID.class)
                .setParameter(1, meetingId).getResultList();
        return rows.stream().findFirst();
    }

    /** The team's members and its leader. */
    @SuppressWarnings("unchecked")
    public List<UUID> people(UUID teamId) {
        return em.createNativeQuery("SELECT member_id FROM team_member WHERE team_id = ?1"
                + " UNION SELECT leader_id FROM team WHERE team_id = ?1", UUID.class)
                .setParameter(1, teamId).getResultList();
    }

    /** Whether the member leads or belongs to the team. */
    public boolean belongs(UUID memberId, UUID teamId) {
        return !em.createNativeQuery("SELECT 1 FROM team WHERE team_id = ?1 AND leader_id = ?2"
                + " UNION ALL SELECT 1 FROM team_member WHERE team_id = ?1 AND member_id = ?2")
                .setParameter(1, teamId).setParameter(2, memberId).setMaxResults(1).getResultList().isEmpty();
    }
}
