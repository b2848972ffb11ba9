package io.downline.audit.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times in the chain: microseconds (PostgreSQL's precision), written with exactly six decimals in UTC, e.g.
 * {@code 2026-05-10T09:00:00.000000Z}, so that the text hashed is the text stored and exported.
 */
public final class EntryTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EntryTime() {
    }

    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant time) {
        return FORMAT.format(truncate(time));
    }
}
