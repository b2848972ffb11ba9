package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A published row leaves {@code outbox} for {@code outbox_sent}, whole, in the round that saw its acknowledgement;
 * the log is purged by age ({@code retention}, by the injected clock), younger rows kept.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxSentLogTest {

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxMaintenance maintenance;

    @Inject
    OutboxConfig config;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPublishedRowMovesToTheLogWithItsPayload() throws SQLException {
        OutboxTable table = new OutboxTable(dataSource);
        UUID widget = UUID.randomUUID();
        EventEnvelope published;
        UUID eventId;
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            eventId = events.rename(widget, "logged");
            published = log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(eventId));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> table.row(eventId).sent());

        assertThat(count("SELECT count(*) FROM outbox WHERE event_id = ?", eventId)).isZero();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT payload, aggregate_id, attempts, sent_at >= created_at FROM outbox_sent WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(published.data());
                assertThat(rs.getString(2)).isEqualTo(widget.toString());
                assertThat(rs.getInt(3)).isEqualTo(1);
                assertThat(rs.getBoolean(4)).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void thePurgeDeletesLogRowsOlderThanTheRetentionOnly() throws SQLException {
        UUID old = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        Instant now = clock.instant();
        insertSent(old, now.minus(config.relay().retention()).minusSeconds(60));
        insertSent(young, now.minus(config.relay().retention()).plusSeconds(3600));
        clock.freezeAt(now);

        maintenance.purgeSent();

        assertThat(count("SELECT count(*) FROM outbox_sent WHERE event_id = ?", old)).isZero();
        assertThat(count("SELECT count(*) FROM outbox_sent WHERE event_id = ?", young)).isEqualTo(1);
    }

    private void insertSent(UUID eventId, Instant sentAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO outbox_sent (id, event_id, topic, aggregate_id, type, payload, created_at, sent_at,
                                                 attempts)
                        VALUES (0, ?, 'platform-test.events.v1', 'purge-test', 'admin.action-performed', '{}', ?, ?, 1)""")) {
            statement.setObject(1, eventId);
            statement.setTimestamp(2, Timestamp.from(sentAt));
            statement.setTimestamp(3, Timestamp.from(sentAt));
            statement.executeUpdate();
        }
    }

    private long count(String sql, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
