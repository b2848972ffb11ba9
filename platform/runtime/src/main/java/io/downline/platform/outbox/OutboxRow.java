package io.downline.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** One unsent outbox row as the relay reads it; {@code attempts} counts its failed sends so far. */
record OutboxRow(long id, UUID eventId, String topic, String aggregateId, String type, String payload,
        String traceparent, Instant createdAt, int attempts) {
}
