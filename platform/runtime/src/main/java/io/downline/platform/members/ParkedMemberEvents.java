package io.downline.platform.members;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.downline.platform.events.EventEnvelope;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Events about a member whose {@code member.registered} has not arrived yet (it was dead-lettered and is being
 * redriven, or the topic's retention dropped it): kept in {@code member_projection_parked}, in the consumer's
 * transaction, and handed back in arrival order when the member registers.
 */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
class ParkedMemberEvents {

    private final EntityManager entityManager;
    private final Clock clock;

    ParkedMemberEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void park(UUID memberId, EventEnvelope event) {
        entityManager.createNativeQuery("""
                INSERT INTO member_projection_parked (member_id, event_id, type, source, time, data, parked_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, memberId)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .setParameter(5, event.time())
                .setParameter(6, event.data())
                .setParameter(7, clock.instant())
                .executeUpdate();
    }

    /** Removes the member's parked events and returns them, oldest first. */
    @SuppressWarnings("unchecked")
    List<EventEnvelope> release(UUID memberId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT event_id, type, source, time, data FROM member_projection_parked
                WHERE member_id = ?1 ORDER BY id""").unwrap(NativeQuery.class)
                .setParameter(1, memberId)
                .addScalar("event_id", StandardBasicTypes.UUID)
                .addScalar("type", StandardBasicTypes.STRING)
                .addScalar("source", StandardBasicTypes.STRING)
                .addScalar("time", StandardBasicTypes.INSTANT)
                .addScalar("data", StandardBasicTypes.STRING)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        entityManager.createNativeQuery("DELETE FROM member_projection_parked WHERE member_id = ?1")
                .setParameter(1, memberId)
                .executeUpdate();
        return rows.stream().map(row -> new EventEnvelope((UUID) row[0], (String) row[1], (String) row[2],
                memberId.toString(), (Instant) row[3], null, (String) row[4])).toList();
    }
}
