package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.downline.platform.jdbc.SqlArrays;

/** Plain JDBC access to the outbox table for the relay (outside any business transaction). */
final class OutboxStore {

    private OutboxStore() {
    }

    static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Session-level advisory lock: one publishing relay per service schema, across all instances. */
    static boolean tryLeadership(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            statement.setString(1, "outbox-relay:" + schema);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void listen(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN \"outbox_" + schema.replace("\"", "") + "\"");
        }
    }

    /**
     * Sets up the relay's own session (and the gauges' while they count). Moving rows to the log need not wait for
     * the WAL flush: if the database crashes before it is durable, the rows are published again, and consumers drop
     * the duplicates by ce_id. The due rows are always read by the primary key, in id order, up to the batch:
     * {@code outbox} is a queue whose heap is mostly rows deleted since the last vacuum, while its statistics often
     * describe the near-empty table of the last analyze, so the planner otherwise picks a sequential (even parallel)
     * scan of every page and a sort: 10–65 ms per round under load instead of well under one. And nothing is
     * JIT-compiled: the same stale statistics put a bloated queue's estimates past {@code jit_above_cost} (20 ms of
     * compiling for a 1 ms read), and with sequential scans off a count that only a scan of the heap answers is
     * estimated past any threshold (OutboxQueuePlanTest).
     */
    static void prepareSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit TO off");
            statement.execute("SET enable_seqscan TO off");
            statement.execute("SET max_parallel_workers_per_gather TO 0");
            statement.execute("SET jit TO off");
        }
    }

    /** Gives the connection back clean: pooled connections must not keep the lock, subscription or settings. */
    static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET synchronous_commit");
            statement.execute("RESET enable_seqscan");
            statement.execute("RESET max_parallel_workers_per_gather");
            statement.execute("RESET jit");
            statement.execute("UNLISTEN *");
            statement.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException ignored) {
            // the connection is broken; the server has already dropped its lock and subscription
        }
    }

    /**
     * The due rows' query: parameters now, the excluded ids, now, the limit (see {@link #due}). The held aggregates
     * are read once, as an init plan (a JSON object of aggregate id to its first held row, null when none is held),
     * and checked per row by a plain filter: no join, so the plan stays the primary key's index scan in id order that
     * stops at the limit. A join to them (a CTE before) let the planner, misled by statistics of a near-empty table,
     * hash every due row before sorting and cutting them to the limit: under a backlog of 24,000 rows each round read
     * all of them (300 ms, spilling to temporary files), so the relay drained a backlog in time quadratic in its size.
     */
    static final String DUE = """
            SELECT o.id, o.event_id, o.topic, o.aggregate_id, o.type, o.payload, o.traceparent, o.created_at,
                   o.attempts
            FROM outbox o
            WHERE o.parked_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
              AND o.id <> ALL(?)
              AND coalesce(o.id < ((SELECT jsonb_object_agg(held.aggregate_id, held.first_held)
                                    FROM (SELECT aggregate_id, min(id) AS first_held
                                          FROM outbox
                                          WHERE parked_at IS NOT NULL OR next_attempt_at > ?
                                          GROUP BY aggregate_id) AS held)
                                   ->> o.aggregate_id)::bigint, true)
            ORDER BY o.id LIMIT ?""";

    /**
     * The rows due for sending, in id order (every row in {@code outbox} is unsent): not parked, not backing off,
     * and not behind a row of their aggregate that is parked or backing off (a later event never overtakes an
     * earlier one). The held aggregates (few) are found once per round, not per candidate row: a correlated
     * {@code NOT EXISTS}, planned from statistics that saw an empty outbox, scanned the whole backlog for each row
     * (seconds per round once tens of thousands of rows waited, after a burst or a broker outage).
     * {@code excluded}: the rows of a round still waiting for its acknowledgements (not moved to the log yet).
     */
    static List<OutboxRow> due(Connection connection, Instant now, int limit, long[] excluded) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            Timestamp at = Timestamp.from(now);
            statement.setTimestamp(1, at);
            SqlArrays.bind(statement, 2, Arrays.stream(excluded).boxed().toList());
            statement.setTimestamp(3, at);
            statement.setInt(4, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getInt(9)));
                }
            }
        }
        return rows;
    }

    /**
     * Moves the acknowledged rows to {@code outbox_sent}, in one statement: a delete touches no index, where setting
     * a sent_at in place updated every index of the row (migration V0_7 gives the figures).
     */
    static void moveToSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH sent AS (DELETE FROM outbox WHERE id = ANY(?)
                              RETURNING id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, attempts)
                INSERT INTO outbox_sent (id, event_id, topic, aggregate_id, type, payload, traceparent, created_at,
                                         sent_at, attempts)
                SELECT id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, clock_timestamp(),
                       attempts + 1
                FROM sent""")) {
            SqlArrays.bind(statement, 1, ids);
            statement.executeUpdate();
        }
    }

    /** Records a failed send: the row (and so its aggregate) waits until {@code retryAt}, or is parked. */
    static void markFailed(Connection connection, long id, String error, Instant retryAt, Instant parkedAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, parked_at = ?
                WHERE id = ?""")) {
            statement.setString(1, error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000)));
            statement.setTimestamp(2, Timestamp.from(retryAt));
            statement.setTimestamp(3, parkedAt == null ? null : Timestamp.from(parkedAt));
            statement.setLong(4, id);
            statement.executeUpdate();
        }
    }

    /** Rows waiting to be published (parked rows not included: they wait for an operator). */
    static final String BACKLOG = "SELECT count(*) FROM outbox WHERE parked_at IS NULL";

    static final String PARKED = "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL";

    static long backlog(Connection connection) throws SQLException {
        return count(connection, BACKLOG);
    }

    static long parked(Connection connection) throws SQLException {
        return count(connection, PARKED);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Purges the log of sent rows older than {@code cutoff} (by the log's BRIN index on sent_at). */
    static int deleteSentBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM outbox_sent WHERE sent_at < ?")) {
            statement.setTimestamp(1, Timestamp.from(cutoff));
            return statement.executeUpdate();
        }
    }
}
