package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A row the broker refuses is parked after {@code max-attempts} (3 in the test application) while every other
 * aggregate keeps flowing; its own aggregate's later events wait behind it; the operator's release from
 * docs/outbox.md sends them all, in order.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayParkingTest {

    /** docs/outbox.md, "Release a parked row" (after correcting the topic the service wrote). */
    private static final String RELEASE_WITH_TOPIC = """
            UPDATE outbox SET topic = 'platform-test.events.v1',
                   parked_at = NULL, next_attempt_at = NULL, attempts = 0, last_error = NULL
            WHERE event_id = ? AND parked_at IS NOT NULL""";

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void refusedRowIsParkedAndHoldsBackOnlyItsOwnAggregate() {
        OutboxTable table = new OutboxTable(dataSource);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            // A service wrote an event with a topic name Kafka refuses; the widget's next changes follow it.
            UUID refused = table.insert("widgets events!", x.toString(), EventType.ADMIN_ACTION_PERFORMED.type(),
                    EventJson.write(new AdminActionPerformed("test-admin", List.of("admin"), "platform-test",
                            "x-1", "widget", x.toString(), null, null, null, null, Instant.parse("2026-11-30T10:00:00Z"))));
            UUID x2 = events.rename(x, "x-2");
            UUID x3 = events.rename(x, "x-3");
            UUID y1 = events.rename(y, "y-1");
            assertThat(log.await(EventType.ADMIN_ACTION_PERFORMED, y).id()).isEqualTo(y1);

            await().atMost(Duration.ofSeconds(20)).until(() -> table.row(refused).parked());
            OutboxTable.Row parked = table.row(refused);
            assertThat(parked.attempts()).isEqualTo(3);
            assertThat(parked.lastError()).contains("InvalidTopicException");
            await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTable.gauge("downline_outbox_parked") == 1.0);

            // Rounds go on after the parking (y's next event is sent), yet the parked row is not retried and
            // x's later events have not overtaken it.
            UUID y2 = events.rename(y, "y-2");
            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(y2));
            assertThat(table.row(refused).attempts()).isEqualTo(3);
            assertThat(table.row(x2).sent()).isFalse();
            assertThat(table.row(x2).attempts()).isZero();
            assertThat(table.row(x3).sent()).isFalse();

            assertThat(table.execute(RELEASE_WITH_TOPIC, refused)).isEqualTo(1);
            List<EventEnvelope> xs = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(x.toString()), 3, Duration.ofSeconds(20));
            assertThat(xs.stream().map(EventEnvelope::id).distinct().toList()).containsExactly(refused, x2, x3);
            await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTable.gauge("downline_outbox_parked") == 0.0);
        }
    }
}
