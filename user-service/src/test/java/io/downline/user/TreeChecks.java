package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.downline.platform.testing.LockWaits;

/** Checks shared by the sponsor tree tests: the consistency endpoint, and which backends wait on a lock. */
final class TreeChecks {

    private TreeChecks() {
    }

    /** Every member's path is their sponsor's path plus their own label, as the admin endpoint reports it. */
    static void assertTreeConsistent() {
        List<Object> broken = given().auth().oauth2(TestMembers.adminToken())
                .get("/api/members/tree/consistency")
                .then().statusCode(200).extract().path("broken");
        assertThat(broken).as("members whose path does not follow from their sponsor's").isEmpty();
    }

    /**
     * Waits until a backend of this database, other than the probe, waits on a lock in a statement like the pattern.
     */
    static void awaitBlocked(DataSource dataSource, String pattern) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> LockWaits.count(dataSource, pattern) > 0);
    }

    /** Waits until exactly {@code count} backends of this database, other than the probe, wait on a lock. */
    static void awaitBlockedCount(DataSource dataSource, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> LockWaits.count(dataSource) == count);
    }
}
