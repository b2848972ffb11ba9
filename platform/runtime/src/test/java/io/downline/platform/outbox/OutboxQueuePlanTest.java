package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay reads its due rows by the primary key even when the outbox looks, to the planner, like the near-empty
 * table of its last analyze while its heap holds thousands of rows deleted since the last vacuum: the state a busy
 * queue table is in most of the time; under a backlog it reads only its batch, not every row waiting; and neither
 * its reads nor the gauges' counts are JIT-compiled. The outbox here is a copy in a schema of its own, with
 * autovacuum off, so that the service's relay does not touch it and no vacuum cleans it between the setup and the
 * plan.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxQueuePlanTest {

    private static final String SCRATCH = "outbox_queue_plan_test";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @BeforeEach
    void churnedQueue() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String schema = OutboxStore.currentSchema(connection);
            statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCRATCH);
            statement.execute("CREATE TABLE " + SCRATCH + ".outbox (LIKE " + schema + ".outbox INCLUDING ALL)"
                    + " WITH (autovacuum_enabled = false)");
            statement.execute("ANALYZE " + SCRATCH + ".outbox");
            statement.execute("INSERT INTO " + SCRATCH + ".outbox (event_id, topic, aggregate_id, type, payload)"
                    + " SELECT gen_random_uuid(), 'widgets.events.v1', g::text, 'widget.renamed', repeat('x', 600)"
                    + " FROM generate_series(1, 20000) g");
            statement.execute("DELETE FROM " + SCRATCH + ".outbox WHERE id NOT IN"
                    + " (SELECT id FROM " + SCRATCH + ".outbox ORDER BY id DESC LIMIT 10)");
        }
    }

    @AfterEach
    void dropScratch() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
        }
    }

    @Test
    void theDueRowsAreReadByThePrimaryKeyOnTheRelaysSession() throws SQLException {
        onScratch(connection -> {
            // The condition the relay meets: without its session settings, the planner scans the whole heap.
            assertThat(duePlan(connection)).contains("Seq Scan on outbox o").doesNotContain("outbox_pkey");

            OutboxStore.prepareSession(connection);
            assertThat(duePlan(connection)).contains("Index Scan using outbox_pkey on outbox o")
                    .doesNotContain("Seq Scan");
            assertThat(OutboxStore.due(connection, clock.instant(), 500, new long[0])).hasSize(10);
        });
    }

    @Test
    void underABacklogTheRelayReadsOnlyItsBatch() throws SQLException {
        onScratch(connection -> {
            try (Statement statement = connection.createStatement()) {
                // A backlog (after a burst or a broker outage) behind the statistics of the near-empty table.
                statement.execute("INSERT INTO outbox (event_id, topic, aggregate_id, type, payload)"
                        + " SELECT gen_random_uuid(), 'widgets.events.v1', (g % 1000)::text, 'widget.renamed',"
                        + " repeat('x', 600) FROM generate_series(1, 20000) g");
            }
            OutboxStore.prepareSession(connection);
            String plan = duePlan(connection, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ");
            // The index scan stops at the batch: no join hashes, and no sort orders, the 20,010 rows waiting.
            assertThat(plan).contains("Index Scan using outbox_pkey on outbox o (actual rows=500 loops=1)")
                    .doesNotContain("Join").doesNotContain("Sort");
            List<OutboxRow> due = OutboxStore.due(connection, clock.instant(), 500, new long[0]);
            assertThat(due).hasSize(500);
            assertThat(due).extracting(OutboxRow::id).isSorted();
        });
    }

    @Test
    void nothingTheRelayAndTheGaugesReadIsJitCompiled() throws SQLException {
        onScratch(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet jit = statement.executeQuery("SELECT pg_jit_available()")) {
                jit.next();
                assumeTrue(jit.getBoolean(1), "this PostgreSQL has no JIT");
                // What a bloated queue's stale estimates do: every statement over the threshold.
                statement.execute("SET jit_above_cost TO 0");
            }
            assertThat(explainAnalyze(connection, OutboxStore.BACKLOG)).contains("JIT:");

            OutboxStore.prepareSession(connection);
            assertThat(explainAnalyze(connection, OutboxStore.BACKLOG)).doesNotContain("JIT:");
            assertThat(explainAnalyze(connection, OutboxStore.PARKED)).doesNotContain("JIT:")
                    .doesNotContain("Seq Scan");
            assertThat(duePlan(connection, "EXPLAIN (ANALYZE) ")).doesNotContain("JIT:");
            assertThat(OutboxStore.backlog(connection)).isEqualTo(10);
            assertThat(OutboxStore.parked(connection)).isZero();
        });
    }

    /** The plan as run; with its costs, since PostgreSQL prints whether it JIT-compiled only beside them. */
    private static String explainAnalyze(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Work on the scratch outbox, on a connection given back to the pool as it was taken. */
    private interface ScratchWork {
        void run(Connection connection) throws SQLException;
    }

    private void onScratch(ScratchWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + SCRATCH);
            }
            try {
                work.run(connection);
            } finally {
                OutboxStore.release(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET search_path");
                    statement.execute("RESET jit_above_cost");
                }
            }
        }
    }

    private String duePlan(Connection connection) throws SQLException {
        return duePlan(connection, "EXPLAIN ");
    }

    private String duePlan(Connection connection, String explain) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(explain + OutboxStore.DUE)) {
            Timestamp now = Timestamp.from(clock.instant());
            statement.setTimestamp(1, now);
            statement.setArray(2, connection.createArrayOf("bigint", new Object[0]));
            statement.setTimestamp(3, now);
            statement.setInt(4, 500);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
