package io.downline.platform.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.downline.platform.events.EventEnvelope;

/** A parked event as stored in {@code parked_event}. */
record ParkedEvent(long id, String consumer, String waitsFor, EventEnvelope event) {

    static ParkedEvent of(Object[] row) {
        return new ParkedEvent(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                new EventEnvelope((UUID) row[3], (String) row[4], (String) row[5], (String) row[6],
                        instant(row[7]), (String) row[8], (String) row[9]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
