package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.jdbc.SqlArrays;

/**
 * Writes an event to the service's outbox inside the caller's transaction. The relay publishes it after
 * commit; if the transaction rolls back, the event never existed.
 *
 * <p>Call it after the state change, so that the row lock the change takes orders the outbox rows of one
 * aggregate the same way as the changes themselves: the session's pending changes are flushed (and so their row
 * locks taken) before the outbox row is inserted.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT_ALL = """
            INSERT INTO outbox (event_id, topic, aggregate_id, type, payload, traceparent)
            SELECT event_id, topic, aggregate_id, type, payload, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS event (event_id, topic, aggregate_id, type, payload, position)
            ORDER BY position""";

    /** One event for {@link #publishAll}. */
    public record Event(EventType type, Object aggregateId, EventPayload payload) {
    }

    private final EntityManager entityManager;
    private final ServiceConfig service;

    public OutboxWriter(EntityManager entityManager, ServiceConfig service) {
        this.entityManager = entityManager;
        this.service = service;
    }

    /** Queues an event keyed by its aggregate id; returns its {@code ce_id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, Object aggregateId, EventPayload payload) {
        return publishAll(List.of(new Event(type, aggregateId, payload))).get(0);
    }

    /**
     * Queues events in one statement, in their order (the relay publishes each aggregate's rows in outbox order);
     * returns their {@code ce_id}s in the same order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] aggregates = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            Event event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = topicOf(event.type(), event.payload());
            aggregates[i] = String.valueOf(event.aggregateId());
            types[i] = event.type().type();
            payloads[i] = EventJson.write(event.payload());
        }
        String traceparent = TraceContext.currentTraceparent();
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> insertAll(connection, traceparent, ids, topics, aggregates, types, payloads));
        return List.of(ids);
    }

    private static void insertAll(Connection connection, String traceparent, UUID[] ids, String[] topics,
            String[] aggregates, String[] types, String[] payloads) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ALL)) {
            statement.setString(1, traceparent);
            SqlArrays.bind(statement, 2, ids);
            SqlArrays.bind(statement, 3, topics);
            SqlArrays.bind(statement, 4, aggregates);
            SqlArrays.bind(statement, 5, types);
            SqlArrays.bind(statement, 6, payloads);
            statement.executeUpdate();
        }
    }

    private String topicOf(EventType type, EventPayload payload) {
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " does not carry " + payload.getClass().getSimpleName());
        }
        return type.topic() != null ? type.topic() : service.topic().orElseThrow(() -> new IllegalStateException(
                "downline.service.topic is not set, so " + type.type() + " has no topic"));
    }
}
