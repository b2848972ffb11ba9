package io.downline.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** The choices the members made, in one query, by member id and then type. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Map<NotificationType, Preference>> allOf(Collection<UUID> memberIds) {
        List<Object[]> rows = em.createNativeQuery("SELECT member_id, type, muted, email FROM preference"
                + " WHERE member_id = ANY (CAST(?1 AS uuid[]))")
                .setParameter(1, memberIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, Map<NotificationType, Preference>> choices = new HashMap<>();
        for (Object[] row : rows) {
            NotificationType.fromCode((String) row[1]).ifPresent(type -> choices
                    .computeIfAbsent((UUID) row[0], id -> new EnumMap<>(NotificationType.class))
                    .put(type, new Preference(type, (Boolean) row[2], (Boolean) row[3])));
        }
        return choices;
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
