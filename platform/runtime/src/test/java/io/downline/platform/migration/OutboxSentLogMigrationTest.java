package io.downline.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.downline.platform.testing.PostgresTestResource;

/**
 * V0_7 on a database whose outbox holds sent rows, a waiting row and a parked one: the sent rows move to
 * {@code outbox_sent} whole (payload, trace, times, attempts), the others stay in {@code outbox} as they were, and
 * {@code outbox_log} shows all of them.
 */
class OutboxSentLogMigrationTest {

    private static Map<String, String> datasource;

    private final String schema = "outbox_log_test_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void database() {
        datasource = new PostgresTestResource().start();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void sentRowsMoveToTheLogWholeAndWaitingRowsStay() throws SQLException {
        flyway("0.6").migrate();
        execute("""
                INSERT INTO %1$s.outbox (event_id, topic, aggregate_id, type, payload, traceparent, created_at, sent_at,
                                         attempts)
                VALUES ('00000000-0000-0000-0000-000000000001', 't', 'a', 'x.sent', '{"n":1}', '00-trace-01',
                        '2026-11-01T10:00:00Z', '2026-11-01T10:00:01Z', 1),
                       ('00000000-0000-0000-0000-000000000002', 't', 'a', 'x.sent', '{"n":2}', NULL,
                        '2026-11-01T10:00:02Z', '2026-11-01T10:00:05Z', 3);
                INSERT INTO %1$s.outbox (event_id, topic, aggregate_id, type, payload, attempts, last_error, parked_at)
                VALUES ('00000000-0000-0000-0000-000000000003', 't', 'b', 'x.parked', '{"n":3}', 3, 'too large',
                        '2026-11-01T11:00:00Z');
                INSERT INTO %1$s.outbox (event_id, topic, aggregate_id, type, payload)
                VALUES ('00000000-0000-0000-0000-000000000004', 't', 'c', 'x.waiting', '{"n":4}');
                """.formatted(schema));

        flyway(null).migrate();

        assertThat(rows("SELECT event_id, payload, traceparent, created_at = '2026-11-01T10:00:00Z', sent_at, attempts"
                + " FROM outbox_sent ORDER BY id")).containsExactly(
                "00000000-0000-0000-0000-000000000001 {\"n\":1} 00-trace-01 t 2026-11-01 10:00:01+00 1",
                "00000000-0000-0000-0000-000000000002 {\"n\":2} null f 2026-11-01 10:00:05+00 3");
        assertThat(rows("SELECT event_id, type, attempts, last_error, parked_at IS NOT NULL FROM outbox ORDER BY id"))
                .containsExactly(
                        "00000000-0000-0000-0000-000000000003 x.parked 3 too large t",
                        "00000000-0000-0000-0000-000000000004 x.waiting 0 null f");
        assertThat(rows("SELECT type, sent_at IS NOT NULL FROM outbox_log ORDER BY id"))
                .containsExactly("x.sent t", "x.sent t", "x.parked f", "x.waiting f");
        assertThat(rows("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = 'outbox' AND column_name = 'sent_at'")).containsExactly("0");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(datasource.get("quarkus.datasource.jdbc.url"),
                        datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"))
                .schemas(schema)
                .locations("classpath:db/platform");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute("SET TIME ZONE 'UTC'");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rs.getString(i)));
                    }
                    rows.add(String.join(" ", values));
                }
            }
            return rows;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"));
    }
}
