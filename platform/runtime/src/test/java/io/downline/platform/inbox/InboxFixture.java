package io.downline.platform.inbox;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.testapp.InboxTestConsumer;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.LockWaits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the consumer tests share: publishing to the test consumer's topic, reading its tables and metrics, locks. */
@ApplicationScoped
public class InboxFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String DLQ = "platform-test." + InboxTestConsumer.TOPIC + ".dlq";
    private static final String ON_INBOX_TEAM = "%inbox_team%";

    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final String url;
    private final String user;
    private final String password;

    public InboxFixture(EntityManager entityManager, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static EventEnvelope teamCreated(UUID teamId, String name) {
        return envelope(EventType.TEAM_CREATED, teamId, new TeamCreated(teamId, name, UUID.randomUUID(), Instant.now()));
    }

    static EventEnvelope memberAdded(UUID teamId) {
        return envelope(EventType.TEAM_MEMBER_ADDED, teamId, new TeamMemberAdded(teamId, UUID.randomUUID(), Instant.now()));
    }

    static EventEnvelope envelope(EventType type, UUID subject, EventPayload payload) {
        return EventEnvelope.of(type, "platform-test", subject.toString(), payload, null);
    }

    static void send(EventEnvelope event) {
        EventPublisher.send(InboxTestConsumer.TOPIC, event);
    }

    static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    <T> T query(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    long count(String sql, Object... parameters) {
        return query(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    boolean processed(EventEnvelope event) {
        return count("SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2",
                InboxTestConsumer.CONSUMER, event.id()) == 1;
    }

    long applied(UUID teamId) {
        return count("SELECT coalesce(max(applied), 0) FROM inbox_team WHERE id = ?1", teamId);
    }

    void awaitProcessed(EventEnvelope event) {
        await().atMost(TIMEOUT).until(() -> processed(event));
    }

    double counter(String name) {
        Counter counter = registry.find(name).tag("consumer", InboxTestConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    double gauge(String name) {
        var gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /**
     * A connection of the test's own, in a transaction that holds an exclusive lock on the table: the consumer's
     * attempts time out on it until the connection rolls back.
     */
    Connection lock(String table) throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE platform_test." + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** Terminates the service's connections that wait on a lock, as a database restart would; returns how many. */
    int terminateWaitingConnections() throws SQLException {
        try (Connection connection = connect()) {
            return LockWaits.terminate(connection, ON_INBOX_TEAM);
        }
    }

    /** Whether one of the service's connections waits on a lock right now. */
    boolean someoneWaitsOnALock() throws SQLException {
        try (Connection connection = connect()) {
            return LockWaits.count(connection, ON_INBOX_TEAM) > 0;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
