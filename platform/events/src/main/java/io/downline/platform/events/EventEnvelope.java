package io.downline.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents attributes (Kafka headers) and the JSON payload (record value).
 *
 * @param id          the idempotency key ({@code ce_id})
 * @param type        the {@link EventType#type()}; kept as a string so that a consumer can receive a type
 *                    it does not know yet
 * @param source      the emitting service
 * @param subject     the aggregate's id, also the record key; null only for events without an aggregate
 * @param traceparent W3C trace context, null when there was none
 * @param data        the payload as JSON (see {@link EventJson})
 */
public record EventEnvelope(UUID id, String type, String source, String subject, Instant time, String traceparent,
        String data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id, stamped now. */
    public static EventEnvelope of(EventType type, String source, String subject, EventPayload payload,
            String traceparent) {
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadClass().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope(UUID.randomUUID(), type.type(), source, subject, Instant.now(), traceparent,
                EventJson.write(payload));
    }

    /** Reads the payload; throws {@link EventJsonException} when it does not fit {@code payloadType}. */
    public <T> T payload(Class<T> payloadType) {
        return EventJson.read(data, payloadType);
    }
}
