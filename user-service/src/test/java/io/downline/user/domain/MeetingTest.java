package io.downline.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;

class MeetingTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID ORGANIZER = UUID.randomUUID();

    private static Meeting at(Instant start, Instant end) {
        return Meeting.schedule(TEAM, " Weekly call ", start, end, " ", ORGANIZER, NOW);
    }

    private static String fieldOf(Throwable e) {
        return ((BusinessRuleException) e).field().orElseThrow();
    }

    @Test
    void aMeetingIsScheduledWithTrimmedTextAndMicrosecondInstants() {
        Instant start = NOW.plus(Duration.ofHours(1)).plusNanos(1_234_567);
        Meeting meeting = at(start, start.plus(Duration.ofHours(1)));

        assertThat(meeting.title).isEqualTo("Weekly call");
        assertThat(meeting.location).as("blank is none").isNull();
        assertThat(meeting.startsAt).isEqualTo(NOW.plus(Duration.ofHours(1)).plusNanos(1_234_000));
        assertThat(meeting.status).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(meeting.createdAt).isEqualTo(NOW);
        assertThat(meeting.organizerId).isEqualTo(ORGANIZER);
    }

    @Test
    void itMustStartAfterNow() {
        assertThatThrownBy(() -> at(NOW, NOW.plus(Duration.ofHours(1))))
                .isInstanceOf(BusinessRuleException.class).extracting(MeetingTest::fieldOf).isEqualTo("startsAt");
        assertThatThrownBy(() -> at(NOW.minusSeconds(1), NOW.plus(Duration.ofHours(1))))
                .extracting(MeetingTest::fieldOf).isEqualTo("startsAt");
        assertThat(at(NOW.plusNanos(1_000), NOW.plus(Duration.ofHours(1))).startsAt).isAfter(NOW);
    }

    @Test
    void itEndsAfterItStartsAndLastsAtMostADay() {
        Instant start = NOW.plus(Duration.ofDays(1));
        assertThatThrownBy(() -> at(start, start)).extracting(MeetingTest::fieldOf).isEqualTo("endsAt");
        assertThatThrownBy(() -> at(start, start.plus(Meeting.MAX_LENGTH).plusNanos(1_000)))
                .extracting(MeetingTest::fieldOf).isEqualTo("endsAt");
        assertThat(at(start, start.plus(Meeting.MAX_LENGTH)).endsAt).isEqualTo(start.plus(Duration.ofHours(24)));
    }

    @Test
    void itIsCancelledOnceAndOnlyBeforeItStarts() {
        Instant start = NOW.plus(Duration.ofHours(1));
        Meeting meeting = at(start, start.plus(Duration.ofHours(1)));

        meeting.cancel(" Leader is travelling ", "leader-subject", NOW);
        assertThat(meeting.status).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meeting.cancelReason).isEqualTo("Leader is travelling");
        assertThat(meeting.cancelledAt).isEqualTo(NOW);
        assertThatThrownBy(() -> meeting.cancel("again", "leader-subject", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already cancelled");

        Meeting started = at(start, start.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> started.cancel("late", "leader-subject", start)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already started");
        assertThat(started.status).isEqualTo(MeetingStatus.SCHEDULED);
    }
}
