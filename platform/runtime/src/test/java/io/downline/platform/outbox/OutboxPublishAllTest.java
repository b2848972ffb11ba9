package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link OutboxWriter}: events queued together in one statement and in their order, nothing when the change rolls
 * back, and the change's pending writes before its outbox row.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxPublishAllTest {

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsQueuedTogetherArriveInTheirOrderPerAggregateWithTheIdsReturned() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<UUID> widgets = List.of(a, b, a, a, b);
        List<String> names = List.of("a-1", "b-1", "a-2", "a-3", "b-2");
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            List<UUID> ids = events.announceAll(widgets, names);

            assertThat(ids).hasSize(5).doesNotHaveDuplicates();
            List<EventEnvelope> ofA = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(a.toString()), 3, Duration.ofSeconds(30));
            assertThat(ofA).extracting(EventEnvelope::id).containsExactly(ids.get(0), ids.get(2), ids.get(3));
            assertThat(ofA).extracting(e -> e.payload(AdminActionPerformed.class).action())
                    .containsExactly("a-1", "a-2", "a-3");
            List<EventEnvelope> ofB = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(b.toString()), 2, Duration.ofSeconds(30));
            assertThat(ofB).extracting(EventEnvelope::id).containsExactly(ids.get(1), ids.get(4));
        }
    }

    @Test
    void eventsOfAChangeThatRollsBackNeverReachTheOutbox() {
        UUID widget = UUID.randomUUID();
        OutboxTable table = new OutboxTable(dataSource);
        long before = table.countFor(widget);

        assertThatThrownBy(() -> events.announceAllThenFail(List.of(widget, widget), List.of("x-1", "x-2")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(table.countFor(widget)).isEqualTo(before).isZero();
    }

    @Test
    void theChangesPendingWritesGoBeforeItsOutboxRow() {
        UUID widget = UUID.randomUUID();
        events.rename(widget, "before");

        // Without the flush, the session would still hold the new name and the row the old one (and no row lock).
        assertThat(events.renameUnflushedThenReadBack(widget, "after")).isEqualTo("after");
    }
}
