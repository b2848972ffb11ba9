package io.downline.notification.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.downline.notification.domain.NotificationType;
import io.downline.notification.domain.Preference;
import io.downline.platform.jdbc.SqlArrays;

/** {@code preference}: a member's choices per type. */
@ApplicationScoped
public class PreferenceRepository {

    private final EntityManager em;

    public PreferenceRepository(EntityManager em) {
        this.em = em;
    }

    /** The choices the members made, in one query, by member id and then type. */
    public Map<UUID, Map<NotificationType, Preference>> allOf(Collection<UUID> memberIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT member_id, type, muted, email FROM preference WHERE member_id = ANY (?)")) {
                SqlArrays.bind(statement, 1, memberIds);
                Map<UUID, Map<NotificationType, Preference>> choices = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID member = rows.getObject(1, UUID.class);
                        boolean muted = rows.getBoolean(3);
                        boolean email = rows.getBoolean(4);
                        NotificationType.fromCode(rows.getString(2)).ifPresent(type -> choices
                                .computeIfAbsent(member, id -> new EnumMap<>(NotificationType.class))
                                .put(type, new Preference(type, muted, email)));
                    }
                }
                return choices;
            }
        });
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
