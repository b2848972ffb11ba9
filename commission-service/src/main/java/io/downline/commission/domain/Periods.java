package io.downline.commission.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Periods are calendar months in UTC, written {@code yyyy-MM}. */
public final class Periods {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    private Periods() {
    }

    public static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    public static String format(YearMonth period) {
        return period.format(FORMAT);
    }

    public static YearMonth parse(String period) {
        return YearMonth.parse(period, FORMAT);
    }

    public static Instant start(YearMonth period) {
        return period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static Instant end(YearMonth period) {
        return start(period.plusMonths(1));
    }
}
