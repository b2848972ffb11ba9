package io.downline.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;

/**
 * Writes an event to the service's outbox inside the caller's transaction. The relay publishes it after
 * commit; if the transaction rolls back, the event never existed.
 *
 * <p>Call it after the state change, so that the row lock the change takes orders the outbox rows of one
 * aggregate the same way as the changes themselves.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, topic, aggregate_id, type, payload, traceparent)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""";

    private final EntityManager entityManager;
    private final ServiceConfig service;

    public OutboxWriter(EntityManager entityManager, ServiceConfig service) {
        this.entityManager = entityManager;
        this.service = service;
    }

    /** Queues an event keyed by its aggregate id; returns its {@code ce_id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, Object aggregateId, EventPayload payload) {
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " does not carry " + payload.getClass().getSimpleName());
        }
        UUID eventId = UUID.randomUUID();
        String topic = type.topic() != null ? type.topic() : service.topic().orElseThrow(() -> new IllegalStateException("downline.service.topic is not set, so " + type.type() + " has no topic"));
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, String.valueOf(aggregateId))
                .setParameter(4, type.type())
                .setParameter(5, EventJson.write(payload))
                .setParameter(6, TraceContext.currentTraceparent())
                .executeUpdate();
        return eventId;
    }
}
