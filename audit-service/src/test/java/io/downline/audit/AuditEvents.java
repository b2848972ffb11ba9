package io.downline.audit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

import io.downline.platform.testing.EventPublisher;

/** Being the other services (raw CloudEvents records), and looking at the log as its owner. */
public final class AuditEvents {

    static final Duration WAIT = Duration.ofSeconds(30);

    private AuditEvents() {
    }

    /** Sends an event and returns its ce_id. */
    static UUID send(String topic, String type, String source, String subject, String payload) {
        return send(topic, type, source, subject, payload, UUID.randomUUID(), null);
    }

    static UUID send(String topic, String type, String source, String subject, String payload, UUID id,
            String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, payload);
        Headers headers = record.headers();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", id.toString());
        add(headers, "ce_type", type);
        add(headers, "ce_source", source);
        add(headers, "ce_time", Instant.now().toString());
        add(headers, "content-type", "application/json");
        if (subject != null) {
            add(headers, "ce_subject", subject);
        }
        if (traceparent != null) {
            add(headers, "traceparent", traceparent);
        }
        EventPublisher.send(record);
        return id;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the event is in the log and returns its sequence number. */
    static long awaitEntry(UUID eventId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> seqOf(eventId), seq -> seq > 0);
    }

    static long seqOf(UUID eventId) throws SQLException {
        try (Connection c = owner();
                PreparedStatement query = c.prepareStatement("SELECT seq FROM audit_entry WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static long count(UUID eventId) throws SQLException {
        try (Connection c = owner();
                PreparedStatement query = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A connection as the schema's owner (what Flyway uses), not as the service's restricted role. */
    public static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
        c.createStatement().execute("SET search_path = audit_service, public");
        return c;
    }

    /** A connection as the service's own role. */
    static Connection serviceRole() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        c.createStatement().execute("SET search_path = audit_service, public");
        return c;
    }
}
