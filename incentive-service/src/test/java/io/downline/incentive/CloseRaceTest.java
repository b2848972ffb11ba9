package io.downline.incentive;

import static io.downline.incentive.Fixtures.ADMIN;
import static io.downline.incentive.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.incentive.Fixtures.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A close racing the engine: the engine share-locks the programs an event counts in, so a close waits until the
 * event is applied, and no event changes the program's progress after the close.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class CloseRaceTest {

    /** The engine's batch (a poll of one event here) storing the progress rows its events change. */
    static final String ENGINE_LOCKING_ITS_ROWS = "%UPDATE progress p SET personal_volume = u.pv%";

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCloseWaitsForTheEventBeingAppliedAndNothingChangesProgressAfterIt() throws Exception {
        LocalDate today = Fixtures.today();
        UUID program = Fixtures.published(Fixtures.program("Race", today.minusDays(1), today.plusDays(1), "UTC", null));
        Member dana = Fixtures.known(null);
        Instant inWindow = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Fixtures.sale(dana.id(), "100.00", inWindow);
        EngineFlowTest.awaitPersonalVolume(program, dana, "100.00");
        clock.advance(Duration.ofDays(3));

        CompletableFuture<Integer> close;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // Holding Dana's progress row stops the engine inside its event (storing the row), after it share-locked the
            // program.
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT 1 FROM progress WHERE program_id = ? AND member_id = ? FOR UPDATE")) {
                lock.setObject(1, program);
                lock.setObject(2, dana.id());
                lock.executeQuery().close();
            }
            UUID during = Fixtures.saleEvent(dana.id(), "50.00", inWindow);
            awaitBlocked(ENGINE_LOCKING_ITS_ROWS);

            close = CompletableFuture.supplyAsync(() -> as(ADMIN)
                    .post("/api/incentives/programs/{id}/close", program).statusCode());
            // Both are now waiting at once: the close on the engine's share lock of the program row.
            awaitBlocked("%FROM program WHERE id = $1 FOR UPDATE%");
            assertThat(LockWaits.count(dataSource, ENGINE_LOCKING_ITS_ROWS)).isEqualTo(1);
            assertThat(close).isNotDone();

            blocker.rollback();
            assertThat(close.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            awaitProcessed(during);
        }
        // The event the close waited for counts; one applied after the close (still inside the window) does not.
        as(ADMIN).get("/api/incentives/programs/{id}/progress/{m}", program, dana.id()).then()
                .body("figures.personalVolume", equalTo("150.00"));
        UUID after = Fixtures.saleEvent(dana.id(), "70.00", inWindow);
        awaitProcessed(after);
        as(ADMIN).get("/api/incentives/programs/{id}/progress/{m}", program, dana.id()).then()
                .body("figures.personalVolume", equalTo("150.00"));
        as(ADMIN).get("/api/incentives/programs/{id}", program).then().body("status", equalTo("CLOSED"));
    }

    private void awaitBlocked(String query) {
        await().atMost(Duration.ofSeconds(20)).until(() -> LockWaits.count(dataSource, query) == 1);
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM processed_event"
                            + " WHERE consumer = 'incentive-service:orders' AND event_id = ?")) {
                statement.setObject(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) == 1;
                }
            }
        });
    }
}
