package io.downline.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event on its way into the log, before it has a place in the chain.
 *
 * @param occurredAt the event's {@code ce_time}, truncated to microseconds
 * @param payload    the payload's RFC 8785 canonical form
 */
public record NewEntry(UUID eventId, String type, String source, String subject, String actor, Instant occurredAt,
        String traceId, String dataSchema, String payload) {
}
