package io.downline.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.notification.domain.NotificationType;
import io.downline.notification.domain.Preference;

/** {@code preference}: a member's choices per type. */
@ApplicationScoped
public class PreferenceRepository {

    private final EntityManager em;

    public PreferenceRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Optional<Preference> find(UUID memberId, NotificationType type) {
        List<Object[]> rows = em.createNativeQuery("SELECT muted, email FROM preference WHERE member_id = ?1 AND type = ?2")
                .setParameter(1, memberId).setParameter(2, type.code()).getResultList();
        return rows.stream().findFirst().map(row -> new Preference(type, (Boolean) row[0], (Boolean) row[1]));
    }

    @SuppressWarnings("unchecked")
    public List<Preference> all(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery("SELECT type, muted, email FROM preference WHERE member_id = ?1")
                .setParameter(1, memberId).getResultList();
        return rows.stream().flatMap(row -> NotificationType.fromCode((String) row[0]).stream()
                .map(type -> new Preference(type, (Boolean) row[1], (Boolean) row[2]))).toList();
    }

    public void save(UUID memberId, Preference preference, Instant now) {
        em.createNativeQuery("INSERT INTO preference (member_id, type, muted, email, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (member_id, type)"
                + " DO UPDATE SET muted = EXCLUDED.muted, email = EXCLUDED.email, updated_at = EXCLUDED.updated_at")
                .setParameter(1, memberId).setParameter(2, preference.type().code())
                .setParameter(3, preference.muted()).setParameter(4, preference.email()).setParameter(5, now)
                .executeUpdate();
    }
}
