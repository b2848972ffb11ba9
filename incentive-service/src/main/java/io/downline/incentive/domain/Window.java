package io.downline.incentive.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A program's window: from the start of {@code startDate} to the end of {@code endDate} (both inclusive), in the
 * program's time zone, so a window's edges move with daylight saving time as the company's calendar does.
 */
public record Window(LocalDate startDate, LocalDate endDate, ZoneId zone) {

    /** The first instant inside the window. */
    public Instant startsAt() {
        return startDate.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the window. */
    public Instant endsAt() {
        return endDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt()) && instant.isBefore(endsAt());
    }

    /**
     * Whether a commission period (a calendar month in UTC) counts in this window: it does when its first instant
     * lies inside the window.
     */
    public boolean counts(YearMonth period) {
        return contains(period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether an instant comes before the start of a date in the window's time zone. */
    public boolean before(Instant instant, LocalDate date) {
        return instant.isBefore(date.atStartOfDay(zone).toInstant());
    }
}
