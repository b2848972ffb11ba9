package io.downline.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.incentive.Fixtures.Member;
import io.downline.incentive.domain.PendingAnnouncement;
import io.downline.incentive.repository.AnnouncementStore;
import io.downline.incentive.repository.Sql;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.incentives.IncentiveProgressUpdated;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The announcement marks, kept apart from the progress rows: a change the engine commits between the announcer's
 * read and its clearing keeps the mark (and its last value goes out); an unchanged row's mark is cleared; marks whose
 * interval has passed are forgotten, pending ones never. The test holds the announcer's turn, so the scheduled
 * announcer stays out of the way while it plays the announcer.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class AnnouncementStoreTest {

    /** A mark as stored. */
    private record Mark(boolean pending, Instant announcedAt) {
    }

    @Inject
    AnnouncementStore store;

    @Inject
    Sql sql;

    @Inject
    TestClock clock;

    @Test
    void aChangeCommittedAfterTheReadKeepsItsMarkAnUnchangedRowIsClearedAndPastMarksAreForgotten() {
        UUID program = Fixtures.published(Fixtures.program("Announcements " + UUID.randomUUID()));
        Member changing = Fixtures.known(null);
        Member quiet = Fixtures.known(null);
        try (EventLog incentives = EventLog.tail(Topics.INCENTIVES)) {
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(store.claimTurn()).isTrue();
                Fixtures.sale(changing.id(), "100.00", clock.instant());
                Fixtures.sale(quiet.id(), "70.00", clock.instant());
                awaitPersonalVolume(program, changing, "100.00");
                awaitPersonalVolume(program, quiet, "70.00");
                assertThat(mark(program, changing)).contains(new Mark(true, null));

                List<PendingAnnouncement> read = store.due(clock.instant(), 100_000).stream()
                        .filter(row -> row.programId().equals(program)).toList();
                assertThat(read).extracting(PendingAnnouncement::memberId)
                        .containsExactlyInAnyOrder(changing.id(), quiet.id());
                // The engine commits a change of one of them while the announcer writes its events.
                Fixtures.sale(changing.id(), "50.00", clock.instant());
                awaitPersonalVolume(program, changing, "150.00");
                Instant at = clock.instant();
                store.announced(read, at);

                assertThat(mark(program, changing)).map(Mark::pending).contains(true);
                assertThat(mark(program, quiet)).map(Mark::pending).contains(false);
                assertThat(mark(program, quiet).map(Mark::announcedAt).orElseThrow())
                        .isCloseTo(at, within(1, ChronoUnit.MILLIS));

                store.forget(at.minusSeconds(1), 100_000);
                assertThat(mark(program, quiet)).isPresent();
                assertThat(store.forget(at.plusSeconds(1), 100_000)).isPositive();
                assertThat(mark(program, quiet)).isEmpty();
                assertThat(mark(program, changing)).map(Mark::pending).contains(true);
            });
            // Once the turn is free again, the scheduled announcer sends the last value of the changed row.
            incentives.await(EventType.INCENTIVE_PROGRESS_UPDATED, e -> e.subject().equals(changing.id().toString())
                    && e.payload(IncentiveProgressUpdated.class).programId().equals(program)
                    && e.payload(IncentiveProgressUpdated.class).personalVolume().compareTo(new BigDecimal("150"))
                            == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> mark(program, changing).map(Mark::pending)
                    .equals(Optional.of(false)));
        }
    }

    private Optional<Mark> mark(UUID program, Member member) {
        return sql.one("SELECT pending, announced_at FROM progress_announcement WHERE program_id = ? AND member_id = ?",
                row -> new Mark(row.getBoolean(1), Sql.instant(row, "announced_at")), program, member.id());
    }

    private void awaitPersonalVolume(UUID program, Member member, String volume) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.one(
                "SELECT personal_volume FROM progress WHERE program_id = ? AND member_id = ?",
                row -> row.getBigDecimal(1), program, member.id())
                .map(pv -> pv.compareTo(new BigDecimal(volume)) == 0).orElse(false));
    }
}
