package io.downline.user.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A sales period: a calendar month in UTC, written {@code yyyy-MM}. */
public record Period(YearMonth month) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");

    public static Period of(Instant instant) {
        return new Period(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    public static Period parse(String value) {
        return new Period(YearMonth.parse(value, FORMAT));
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    @Override
    public String toString() {
        return month.format(FORMAT);
    }
}
