package io.downline.audit.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.downline.audit.domain.AuditFilter;
import io.downline.platform.http.ProblemException;

/** Query parameters into a filter: ISO-8601 instants, ranges that end after they start; else a 400 naming the parameter. */
final class QueryTimes {

    private QueryTimes() {
    }

    /** The filter, refused with a 400 when a range ends before it starts. */
    static AuditFilter filter(String actor, String subject, String type, String source, String from, String to,
            Long fromSeq, Long toSeq) {
        Instant start = parse("from", from);
        Instant end = parse("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (fromSeq != null && toSeq != null && fromSeq > toSeq) {
            throw ProblemException.invalidField("toSeq", "must not be below fromSeq");
        }
        return new AuditFilter(blank(actor), blank(subject), blank(type), blank(source), start, end, fromSeq, toSeq);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO-8601 instant such as 2026-05-10T00:00:00Z");
        }
    }
}
