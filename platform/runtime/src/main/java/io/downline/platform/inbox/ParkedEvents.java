package io.downline.platform.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.jdbc.SqlArrays;

/** The {@code parked_event} table. */
@ApplicationScoped
class ParkedEvents {

    private final EntityManager entityManager;

    ParkedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void park(String consumer, String topic, EventEnvelope event, String waitsFor, Instant now) {
        entityManager.createNativeQuery("""
                INSERT INTO parked_event (consumer, waits_for, event_id, type, source, subject, event_time,
                    traceparent, topic, data, parked_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, waitsFor)
                .setParameter(3, event.id())
                .setParameter(4, event.type())
                .setParameter(5, event.source())
                .setParameter(6, event.subject())
                .setParameter(7, event.time())
                .setParameter(8, event.traceparent())
                .setParameter(9, topic)
                .setParameter(10, event.data())
                .setParameter(11, now)
                .executeUpdate();
    }

    /**
     * The oldest event the consumer parked under the key, locked: whoever replays a key holds its head, so two
     * replayers (the consumer and the sweep, or two instances) never apply one event twice or out of order.
     */
    Optional<ParkedEvent> lockHead(String consumer, String waitsFor) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT id, consumer, waits_for, event_id, type, source, subject, event_time, traceparent, data
                FROM parked_event WHERE consumer = ?1 AND waits_for = ?2 ORDER BY id LIMIT 1 FOR UPDATE""")
                .setParameter(1, consumer)
                .setParameter(2, waitsFor)
                .getResultList();
        return rows.stream().findFirst().map(row -> ParkedEvent.of((Object[]) row));
    }

    void delete(long id) {
        entityManager.createNativeQuery("DELETE FROM parked_event WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** Counts a failed replay; the event moves to another key when it now waits for something else. */
    void failed(long id, String waitsFor, String error) {
        entityManager.createNativeQuery("""
                UPDATE parked_event SET waits_for = ?2, attempts = attempts + 1, last_error = ?3 WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, waitsFor)
                .setParameter(3, error)
                .executeUpdate();
    }

    /** The (consumer, key) queues with parked events under any of the keys, oldest first. */
    List<String[]> queuesWaitingFor(Collection<String> keys) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT consumer, waits_for FROM parked_event WHERE waits_for = ANY(?)
                    GROUP BY consumer, waits_for ORDER BY min(id)""")) {
                SqlArrays.bind(statement, 1, keys);
                List<String[]> queues = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        queues.add(new String[] { rows.getString(1), rows.getString(2) });
                    }
                }
                return queues;
            }
        });
    }

    /** Every (consumer, key) with parked events, oldest first. */
    List<String[]> queues() {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT consumer, waits_for FROM parked_event GROUP BY consumer, waits_for ORDER BY min(id)""")
                .getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new String[] { (String) columns[0], (String) columns[1] };
        }).toList();
    }

    long count() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM parked_event").getSingleResult())
                .longValue();
    }
}
