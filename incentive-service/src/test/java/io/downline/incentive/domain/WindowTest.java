package io.downline.incentive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WindowTest {

    /** October 2026 in New York: EDT (UTC-4) at the start, the clocks go back on 1 November. */
    private final Window october = new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
            ZoneId.of("America/New_York"));

    @Test
    void edgesAreMidnightInTheProgramsTimeZone() {
        assertThat(october.contains(Instant.parse("2026-10-01T03:59:59.999Z"))).isFalse();
        assertThat(october.contains(Instant.parse("2026-10-01T04:00:00Z"))).isTrue();
        assertThat(october.contains(Instant.parse("2026-11-01T03:59:59.999Z"))).isTrue();
        assertThat(october.contains(Instant.parse("2026-11-01T04:00:00Z"))).isFalse();
    }

    @Test
    void daylightSavingTimeMovesTheEnd() {
        Window november = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                ZoneId.of("America/New_York"));
        assertThat(november.startsAt()).hasToString("2026-11-01T04:00:00Z"); // still EDT at midnight
        assertThat(november.endsAt()).hasToString("2026-12-01T05:00:00Z"); // EST
    }

    @Test
    void aPeriodCountsWhenItsFirstInstantIsInTheWindow() {
        Window q4Paris = new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), ZoneId.of("Europe/Paris"));
        assertThat(q4Paris.counts(YearMonth.of(2026, 9))).isFalse();
        assertThat(q4Paris.counts(YearMonth.of(2026, 10))).isTrue();
        assertThat(q4Paris.counts(YearMonth.of(2026, 12))).isTrue();
        assertThat(q4Paris.counts(YearMonth.of(2027, 1))).isFalse(); // 1 Jan 00:00 UTC is after 31 Dec 23:00 UTC
        // In New York, 1 October 00:00 UTC is still 30 September: October's period does not count.
        assertThat(october.counts(YearMonth.of(2026, 10))).isFalse();
    }
}
