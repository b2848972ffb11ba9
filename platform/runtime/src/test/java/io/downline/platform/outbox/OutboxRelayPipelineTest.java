package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventType;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rounds overlap: while a full round (batch-size, 500) waits for its acknowledgements, the next round already reads
 * and sends the rows after it, so those are on their way before the first round is marked sent.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayPipelineTest {

    private static final int BATCH = 500;
    private static final int ROWS = 600;

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRoundAfterAFullOneIsSentBeforeTheFullOneIsMarked() {
        OutboxTable table = new OutboxTable(dataSource);
        List<UUID> widgets = IntStream.range(0, ROWS).mapToObj(i -> UUID.randomUUID()).toList();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            List<UUID> ids = events.announceAll(widgets, widgets.stream().map(w -> "pipelined").toList());
            log.awaitCount(EventType.ADMIN_ACTION_PERFORMED, e -> ids.contains(e.id()), ROWS, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(20)).until(() -> table.markings(ids).size() == ROWS);

            Map<String, List<OutboxTable.Marking>> rounds = table.markings(ids).stream()
                    .collect(Collectors.groupingBy(OutboxTable.Marking::round));
            assertThat(rounds).hasSize(2);
            List<OutboxTable.Marking> full = rounds.values().stream().filter(r -> r.size() == BATCH).findFirst()
                    .orElseThrow();
            List<UUID> next = rounds.values().stream().filter(r -> r.size() == ROWS - BATCH).findFirst().orElseThrow()
                    .stream().map(OutboxTable.Marking::eventId).toList();
            double fullMarkedAt = full.stream().mapToDouble(OutboxTable.Marking::sentAtMillis).min().orElseThrow();
            // The producer stamps each record when the relay hands it over (CreateTime, in milliseconds).
            Map<UUID, Long> handedOver = log.records().stream().collect(Collectors.toMap(
                    r -> CloudEventCodec.fromRecord(r).id(), ConsumerRecord::timestamp, Math::min));
            assertThat(next).allSatisfy(id -> assertThat((double) handedOver.get(id)).isLessThan(fullMarkedAt));
            assertThat(full).extracting(OutboxTable.Marking::eventId).containsExactlyInAnyOrderElementsOf(ids.subList(0, BATCH));
        }
    }
}
