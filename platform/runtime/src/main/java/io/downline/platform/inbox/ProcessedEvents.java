package io.downline.platform.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.platform.events.EventEnvelope;

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

    int purgeBefore(Instant limit) {
        return entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, limit)
                .executeUpdate();
    }
}
