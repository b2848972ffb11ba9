package io.downline.platform.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.jdbc.SqlArrays;

/** The {@code processed_event} table: the ids of the events each consumer has applied (or parked). */
@ApplicationScoped
class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event for the consumer; false when it was recorded before (a redelivery). */
    boolean record(String consumer, String topic, EventEnvelope event) {
        return entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, type, topic) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, topic)
                .executeUpdate() == 1;
    }

    /**
     * Records a batch's events in one statement; returns the ids that were new (the rest were applied before).
     * Each element of {@code events} is paired with the topic at the same index.
     */
    Set<UUID> recordAll(String consumer, List<EventEnvelope> events, List<String> topics) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id, type, topic)
                    SELECT ?, id, type, topic FROM unnest(?::uuid[], ?::text[], ?::text[]) AS batch (id, type, topic)
                    ON CONFLICT DO NOTHING
                    RETURNING event_id""")) {
                statement.setString(1, consumer);
                SqlArrays.bind(statement, 2, events.stream().map(EventEnvelope::id).toList());
                SqlArrays.bind(statement, 3, events.stream().map(EventEnvelope::type).toList());
                SqlArrays.bind(statement, 4, topics);
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    int purgeBefore(Instant limit) {
        return entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, limit)
                .executeUpdate();
    }
}
