package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.sql.DataSource;

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

    /** Waits until a backend of this database, other than the probe, waits on a lock running a matching query. */
    static void awaitBlocked(DataSource dataSource, Predicate<String> query) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> blockedQueries(dataSource).stream().anyMatch(query));
    }

    /** Waits until exactly {@code count} backends of this database, other than the probe, wait on a lock. */
    static void awaitBlockedCount(DataSource dataSource, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> blockedQueries(dataSource).size() == count);
    }

    /** The queries of the backends of this database that wait on a lock (heavyweight lock: row, advisory, xid). */
    static List<String> blockedQueries(DataSource dataSource) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT query FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'""");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                queries.add(rs.getString(1));
            }
        }
        return queries;
    }
}
