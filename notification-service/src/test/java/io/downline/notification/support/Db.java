package io.downline.notification.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/** Reads the service's tables directly, to check what the consumers stored. */
public final class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** "<stream> <type>" of each notification the event made, by stream and type. */
    public List<String> notificationsOf(UUID eventId) {
        return strings("SELECT stream || ' ' || type FROM notification WHERE event_id = ? ORDER BY stream, type", eventId);
    }

    /** Awaits exactly the given notifications of the event (after they appeared, no more may follow). */
    public List<String> awaitNotificationsOf(UUID eventId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf(eventId).size() >= count);
        return notificationsOf(eventId);
    }

    public boolean processed(String consumer, UUID eventId) {
        return !strings("SELECT consumer FROM processed_event WHERE consumer = ? AND event_id = ?", consumer, eventId)
                .isEmpty();
    }

    public void awaitProcessed(String consumer, UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(consumer, eventId));
    }

    public boolean parked(UUID eventId) {
        return !strings("SELECT waits_for FROM parked_event WHERE event_id = ?", eventId).isEmpty();
    }

    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
