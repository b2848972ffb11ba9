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
 * Several due events of one aggregate go out in one relay round (up to {@code max-per-aggregate}, 4), each sent only
 * after the broker acknowledged the one before it: they arrive in their order, and a failed one stops its
 * successors until it is sent.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayChainTest {

    private static final String BAD_TOPIC = "widgets events!";
    private static final String RELEASE_WITH_TOPIC = """
            UPDATE outbox SET topic = 'platform-test.events.v1',
                   parked_at = NULL, next_attempt_at = NULL, attempts = 0, last_error = NULL
            WHERE event_id = ? AND parked_at IS NOT NULL""";

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAggregatesEventsCommittedTogetherGoInOneRoundInTheirOrder() {
        OutboxTable table = new OutboxTable(dataSource);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            List<UUID> ids = events.announceAll(List.of(a, a, b, a, a, b, a),
                    List.of("a-1", "a-2", "b-1", "a-3", "a-4", "b-2", "a-5"));

            List<EventEnvelope> ofA = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(a.toString()), 5, Duration.ofSeconds(30));
            assertThat(ofA).extracting(e -> e.payload(AdminActionPerformed.class).action())
                    .containsExactly("a-1", "a-2", "a-3", "a-4", "a-5");
            List<EventEnvelope> ofB = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(b.toString()), 2, Duration.ofSeconds(30));
            assertThat(ofB).extracting(EventEnvelope::id).containsExactly(ids.get(2), ids.get(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> table.row(id).sent()));
            // One round sent a's first four (max-per-aggregate) and b's two, one marking transaction, not a round
            // per event of a; a's fifth went in the next round.
            assertThat(table.markingRounds(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4),
                    ids.get(5)))).isEqualTo(1);
            assertThat(table.markingRounds(ids)).isEqualTo(2);
        }
    }

    @Test
    void aFailedEventInTheMiddleStopsItsSuccessorsUntilItIsSentThenAllFollowInOrder() {
        OutboxTable table = new OutboxTable(dataSource);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        String type = EventType.ADMIN_ACTION_PERFORMED.type();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            // x-2 names a topic the broker refuses; x-3 and y-1 follow in the same transaction, so in the same round.
            List<UUID> ids = table.insertTogether(List.of(
                    new OutboxTable.NewRow(OutboxTable.TOPIC, x.toString(), type, payload(x, "x-1")),
                    new OutboxTable.NewRow(BAD_TOPIC, x.toString(), type, payload(x, "x-2")),
                    new OutboxTable.NewRow(OutboxTable.TOPIC, x.toString(), type, payload(x, "x-3")),
                    new OutboxTable.NewRow(OutboxTable.TOPIC, y.toString(), type, payload(y, "y-1"))));
            UUID x1 = ids.get(0);
            UUID refused = ids.get(1);
            UUID x3 = ids.get(2);

            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(ids.get(3)));
            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(x1));
            await().atMost(Duration.ofSeconds(20)).until(() -> table.row(refused).parked());
            // x-3 was never sent: not after the failure in its round, nor in any round while x-2 backed off.
            assertThat(table.row(x3).sent()).isFalse();
            assertThat(table.row(x3).attempts()).isZero();

            assertThat(table.execute(RELEASE_WITH_TOPIC, refused)).isEqualTo(1);
            List<EventEnvelope> xs = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(x.toString()), 3, Duration.ofSeconds(20));
            assertThat(xs.stream().map(EventEnvelope::id).distinct().toList()).containsExactly(x1, refused, x3);
            await().atMost(Duration.ofSeconds(10)).until(() -> table.row(x3).sent());
        }
    }

    private static String payload(UUID widget, String action) {
        return EventJson.write(new AdminActionPerformed("test-admin", List.of("admin"), "platform-test", action,
                "widget", widget.toString(), null, null, null, null, Instant.parse("2026-11-30T10:00:00Z")));
    }
}
