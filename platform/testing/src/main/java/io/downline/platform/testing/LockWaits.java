package io.downline.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The sessions of this database that wait for a heavyweight lock (a row, a table, an advisory lock), as
 * {@code pg_stat_activity} shows them: how a race test proves that its callers overlapped. The asking session
 * never counts, nor does one that holds a lock and sits idle. A pattern is a SQL {@code LIKE} pattern on the
 * waiting statement's text ({@code '%FROM sale WHERE order_id%FOR UPDATE%'}).
 *
 * <p>Ask on a connection in autocommit: PostgreSQL reads {@code pg_stat_activity} once per transaction. Ask on a
 * connection of the test's own when the service's pool may be exhausted by the very sessions it counts.
 */
public final class LockWaits {

    private static final String ANY_STATEMENT = "%";
    private static final String WAITING = """
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
              AND query LIKE ?""";

    private LockWaits() {
    }

    /** Sessions of this database waiting for a lock, whatever they run. */
    public static int count(Connection connection) {
        return count(connection, ANY_STATEMENT);
    }

    /** Sessions of this database waiting for a lock while running a statement like the pattern. */
    public static int count(Connection connection, String pattern) {
        return ask(connection, "SELECT count(*)", pattern);
    }

    /** {@link #count(Connection)} on a connection of the data source. */
    public static int count(DataSource dataSource) {
        return count(dataSource, ANY_STATEMENT);
    }

    /** {@link #count(Connection, String)} on a connection of the data source. */
    public static int count(DataSource dataSource, String pattern) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, pattern);
        } catch (SQLException e) {
            throw new IllegalStateException("No connection to count the sessions waiting for a lock", e);
        }
    }

    /**
     * Terminates the sessions of this database that wait for a lock while running a statement like the pattern,
     * as a database restart would drop them; returns how many.
     */
    public static int terminate(Connection connection, String pattern) {
        return ask(connection, "SELECT count(pg_terminate_backend(pid))", pattern);
    }

    private static int ask(Connection connection, String select, String pattern) {
        try (PreparedStatement statement = connection.prepareStatement(select + WAITING)) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_activity", e);
        }
    }
}
