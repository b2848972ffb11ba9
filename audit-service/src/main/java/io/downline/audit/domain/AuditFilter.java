package io.downline.audit.domain;

import java.time.Instant;

/**
 * Which entries a query or an export wants; every criterion is optional.
 *
 * @param from    occurredAt at or after
 * @param to      occurredAt before
 * @param fromSeq sequence at or above
 * @param toSeq   sequence at or below
 */
public record AuditFilter(String actor, String subject, String type, String source, Instant from, Instant to,
        Long fromSeq, Long toSeq) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }
}
