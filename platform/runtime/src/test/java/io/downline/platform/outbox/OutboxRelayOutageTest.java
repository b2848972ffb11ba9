package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A broker outage: nothing is lost, order holds per aggregate, and a round cannot hang for minutes. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayOutageTest {

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void orderPerAggregateHoldsAcrossAFailedSend() {
        OutboxTable table = new OutboxTable(dataSource);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            events.rename(a, "a-0");
            log.await(EventType.ADMIN_ACTION_PERFORMED, a);
            List<UUID> written = new ArrayList<>();
            TestKafka.stopBroker();
            try {
                for (int i = 1; i <= 5; i++) {
                    written.add(events.rename(a, "a-" + i));
                    events.rename(b, "b-" + i);
                }
                // The first send of each aggregate fails; the later ones wait behind it, unsent.
                await().atMost(Duration.ofSeconds(30)).until(() -> table.row(written.get(0)).attempts() >= 1);
                assertThat(table.row(written.get(0)).lastError()).isNotBlank();
                assertThat(written).allSatisfy(id -> assertThat(table.row(id).sent()).isFalse());
            } finally {
                TestKafka.startBroker();
            }
            List<EventEnvelope> arrived = log.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(a.toString()) && written.contains(e.id()), 5, Duration.ofSeconds(60));
            // At least once (a retry after a lost acknowledgement may repeat one), first arrivals in write order.
            assertThat(arrived.stream().map(EventEnvelope::id).distinct().toList()).containsExactlyElementsOf(written);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> written.stream().allMatch(id -> table.row(id).sent()));
        }
    }

    @Test
    void aRoundDuringAnOutageEndsWithinSecondsNotMinutes() {
        OutboxTable table = new OutboxTable(dataSource);
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            UUID warm = UUID.randomUUID();
            events.rename(warm, "warm");
            log.await(EventType.ADMIN_ACTION_PERFORMED, warm);
            List<UUID> written;
            TestKafka.stopBroker();
            try {
                // One transaction, so that the first round after the outage began takes them all.
                written = events.renameAll(IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList(), "outage");
                // A queued record fails after delivery.timeout.ms (10 s); a send without metadata after max.block.ms
                // (2 s), and the round ends at the first such failure. So the relay keeps making short rounds (the
                // oldest row's attempts climb), rather than one round waiting for each row in turn (20 x 2 s) or
                // on a 30 s delivery timeout.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> table.row(written.get(0)).attempts() >= 2);
                assertThat(table.row(written.get(0)).lastError()).contains("TimeoutException");
                assertThat(written).allSatisfy(id -> assertThat(table.row(id).sent()).isFalse());
            } finally {
                TestKafka.startBroker();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> written.stream().allMatch(id -> table.row(id).sent()));
            assertThat(written).allSatisfy(id -> assertThat(table.row(id).parked()).isFalse());
        }
    }
}
