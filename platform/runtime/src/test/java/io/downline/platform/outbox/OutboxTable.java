package io.downline.platform.outbox;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * What the relay did to a row, read from the view {@code outbox_log} (rows waiting in {@code outbox} and rows moved
 * to {@code outbox_sent}), and the relay's gauges as Prometheus shows them.
 */
final class OutboxTable {

    static final String TOPIC = "platform-test.events.v1";

    private final DataSource dataSource;

    OutboxTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Row(long id, int attempts, boolean sent, boolean parked, String lastError) {
    }

    Row row(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, attempts, sent_at IS NOT NULL, parked_at IS NOT NULL, last_error FROM outbox_log WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("No outbox row for event " + eventId);
                }
                return new Row(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox rows of one aggregate, sent or not. */
    long countFor(UUID aggregateId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_log WHERE aggregate_id = ?")) {
            statement.setString(1, aggregateId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an operator's statement (docs/outbox.md) with one event id parameter; returns the rows changed. */
    int execute(String sql, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a row as a service's transaction would, with the topic given (a wrong one, say). */
    UUID insert(String topic, String aggregateId, String type, String payload) {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO outbox (event_id, topic, aggregate_id, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            statement.setObject(1, eventId);
            statement.setString(2, topic);
            statement.setString(3, aggregateId);
            statement.setString(4, type);
            statement.setString(5, payload);
            statement.executeUpdate();
            return eventId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row to insert with {@link #insertTogether}: its topic (a wrong one, say), aggregate, type and payload. */
    record NewRow(String topic, String aggregateId, String type, String payload) {
    }

    /** Inserts rows in one transaction, in their order, as one service transaction would; returns their event ids. */
    List<UUID> insertTogether(List<NewRow> rows) {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO outbox (event_id, topic, aggregate_id, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (NewRow row : rows) {
                    UUID eventId = UUID.randomUUID();
                    statement.setObject(1, eventId);
                    statement.setString(2, row.topic());
                    statement.setString(3, row.aggregateId());
                    statement.setString(4, row.type());
                    statement.setString(5, row.payload());
                    statement.executeUpdate();
                    ids.add(eventId);
                }
            }
            connection.commit();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many relay rounds sent these rows: each round moves its rows to outbox_sent in one transaction (xmin). */
    long markingRounds(List<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(DISTINCT xmin::text) FROM outbox_sent WHERE event_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sent row as the relay marked it: the marking round (its transaction) and when, in epoch milliseconds. */
    record Marking(UUID eventId, String round, double sentAtMillis) {
    }

    List<Marking> markings(List<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT event_id, xmin::text,"
                        + " extract(epoch FROM sent_at) * 1000 FROM outbox_sent WHERE event_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            List<Marking> markings = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    markings.add(new Marking(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3)));
                }
            }
            return markings;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gauge of /q/metrics, e.g. {@code downline_outbox_parked}; -1 when absent. */
    static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
