package io.downline.audit.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times in the chain: microseconds (PostgreSQL's precision), written with exactly six decimals in UTC, e.g.
 * {@code 2026-05-10T09:00:00.000000Z}, so that the text hashed is the text stored and exported. Years 1 to 9999
 * only (the decoder refuses others). Written by hand: verification writes two per entry, and a
 * {@code DateTimeFormatter} costs more than the rest of the entry.
 */
public final class EntryTime {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private EntryTime() {
    }

    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static boolean inRange(Instant time) {
        return !time.isBefore(MIN) && !time.isAfter(MAX);
    }

    public static String format(Instant time) {
        return append(new StringBuilder(27), time).toString();
    }

    public static StringBuilder append(StringBuilder out, Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1000, 6).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}
