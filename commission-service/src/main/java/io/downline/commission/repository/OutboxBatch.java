package io.downline.commission.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.outbox.TraceContext;

/**
 * Several events into the platform's outbox in one statement, in the caller's transaction and in the order given
 * (the relay publishes in id order, so an aggregate's events keep it). The rows are the ones
 * {@link io.downline.platform.outbox.OutboxWriter} writes one at a time.
 */
@ApplicationScoped
public class OutboxBatch {

    /** An event to queue, keyed by its aggregate id. */
    public record Queued(EventType type, Object aggregateId, EventPayload payload) {
        public Queued {
            if (!type.payloadClass().isInstance(payload)) {
                throw new IllegalArgumentException(type.type() + " does not carry " + payload.getClass().getSimpleName());
            }
        }
    }

    private final EntityManager em;
    private final ServiceConfig service;

    public OutboxBatch(EntityManager em, ServiceConfig service) {
        this.em = em;
        this.service = service;
    }

    public void publishAll(List<Queued> events) {
        if (events.isEmpty()) {
            return;
        }
        String traceparent = TraceContext.currentTraceparent();
        Jdbc.update(em, """
                INSERT INTO outbox (event_id, topic, aggregate_id, type, payload, traceparent)
                SELECT e.event_id, e.topic, e.aggregate_id, e.type, e.payload, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                     AS e (event_id, topic, aggregate_id, type, payload, n)
                ORDER BY e.n""", traceparent,
                Jdbc.array("uuid", events.stream().map(event -> UUID.randomUUID()).toList()),
                Jdbc.array("text", events.stream().map(event -> topic(event.type())).toList()),
                Jdbc.array("text", events.stream().map(event -> String.valueOf(event.aggregateId())).toList()),
                Jdbc.array("text", events.stream().map(event -> event.type().type()).toList()),
                Jdbc.array("text", events.stream().map(event -> EventJson.write(event.payload())).toList()));
    }

    private String topic(EventType type) {
        return type.topic() != null ? type.topic() : service.topic().orElseThrow(() -> new IllegalStateException(
                "downline.service.topic is not set, so " + type.type() + " has no topic"));
    }
}
