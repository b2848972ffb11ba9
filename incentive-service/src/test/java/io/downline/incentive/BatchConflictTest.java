package io.downline.incentive;

import static io.downline.incentive.Fixtures.ADMIN;
import static io.downline.incentive.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.incentive.Fixtures.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The order batch reads progress rows without locking them and stores each only if it is still the version read: a
 * row changed by another transaction in between (here a connection that changes the member's group volume and holds
 * the row until the batch is waiting to store it) makes the batch roll back and apply its events one at a time, and
 * neither change is lost.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class BatchConflictTest {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRowChangedBetweenTheBatchReadAndItsWriteKeepsBothChanges() throws SQLException {
        UUID program = Fixtures.published(Fixtures.program("Conflict " + UUID.randomUUID()));
        Member erin = Fixtures.known(null);
        Fixtures.sale(erin.id(), "100.00", clock.instant());
        EngineFlowTest.awaitPersonalVolume(program, erin, "100.00");

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement("UPDATE progress SET group_volume = group_volume"
                    + " + 40 WHERE program_id = ? AND member_id = ?")) {
                change.setObject(1, program);
                change.setObject(2, erin.id());
                change.executeUpdate();
            }
            Fixtures.sale(erin.id(), "450.00", clock.instant());
            // The batch has read the row (the old version) and now waits to store it.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> LockWaits.count(dataSource, CloseRaceTest.ENGINE_LOCKING_ITS_ROWS) == 1);
            other.commit();
        }
        // Applied again one at a time: 550 of personal volume (Bronze) and the other change's group volume.
        EngineFlowTest.awaitPersonalVolume(program, erin, "550.00");
        as(ADMIN).get("/api/incentives/programs/{id}/progress/{m}", program, erin.id()).then().statusCode(200)
                .body("figures.groupVolume", equalTo("40.00")).body("tierReached", equalTo(1));
    }
}
