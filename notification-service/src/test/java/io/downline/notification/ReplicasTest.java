package io.downline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.messaging.CommissionsEventsConsumer;
import io.downline.notification.service.Push;
import io.downline.notification.service.EventNotifications;
import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.notification.support.WsClient;
import io.downline.notification.websocket.DeliveryListener;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.Topics;
import io.downline.platform.inbox.IdempotentConsumer;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two replicas on one database and broker: the running service is replica A; replica B is a second consumer in
 * the service's group and a second delivery listener, built from the same classes. Each notification is stored
 * once, by whichever replica holds the event's partition, and pushed by both.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class ReplicasTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    DataSource dataSource;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    EventNotifications notifications;

    @Inject
    ObjectMapper json;

    @Test
    void theGroupSplitsThePartitionsAndEachNotificationIsStoredOnceAndPushedByEveryReplica() throws Exception {
        Db db = new Db(dataSource);
        int partitions = MailAndLoginTestResource.COMMISSION_PARTITIONS;
        List<Member> beneficiaries = membersOnEveryPartition(partitions);
        Member watched = beneficiaries.get(0);
        for (Member m : beneficiaries) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !db.strings(
                    "SELECT 1 FROM notification WHERE stream = ?", m.room()).isEmpty());
        }

        List<Push> seenByB = new CopyOnWriteArrayList<>();
        DeliveryListener listenerB = new DeliveryListener(dataSource, seenByB::addAll, () -> {
        });
        AtomicInteger appliedByB = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> assignedToB = new CopyOnWriteArrayList<>();
        Thread consumerB = new Thread(() -> consume(running, appliedByB, assignedToB), "replica-b-consumer");
        listenerB.start("replica-b-fanout");
        consumerB.start();
        try (WsClient onA = WsClient.connect(WsClient.uri(base.getPort(), null), Tokens.member(watched.subject()))) {
            onA.awaitFrame("live", watched.room());
            await().atMost(Duration.ofSeconds(60)).until(() -> !assignedToB.isEmpty() && listenerB.listening());
            assertThat(assignedToB.size()).as("B holds some, not all, partitions").isBetween(1, partitions - 1);

            List<EventEnvelope> events = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Member m : beneficiaries) {
                    events.add(TestEvents.commission(m.id(), watched.id(), "1.00"));
                }
            }
            for (EventEnvelope event : events) {
                assertThat(db.awaitNotificationsOf(event.id(), 1)).hasSize(1);
            }
            long appliedByA = events.size() - appliedByB.get();
            assertThat(appliedByB.get()).as("replica B stored some").isPositive();
            assertThat(appliedByA).as("replica A stored the others").isPositive();
            assertThat(db.strings("SELECT count(*)::text FROM notification WHERE event_id = ANY (?)",
                    (Object) events.stream().map(EventEnvelope::id).toArray(UUID[]::new))).containsExactly(
                            String.valueOf(events.size()));

            // Every replica pushes every notification: A to the socket it holds, B's listener receives them too.
            await().atMost(Duration.ofSeconds(30)).until(() -> onA.notifications(watched.room()).stream()
                    .filter(f -> "commission-earned".equals(f.path("notificationType").asText())).count() == 3);
            List<UUID> ids = events.stream().map(EventEnvelope::id).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> seenByB.stream()
                    .filter(p -> "commission-earned".equals(notificationType(p))
                            && beneficiaries.stream().anyMatch(m -> m.room().equals(p.room())))
                    .count() >= ids.size());
            List<Long> watchedSequences = onA.notifications(watched.room()).stream()
                    .map(f -> f.path("sequence").asLong()).toList();
            assertThat(watchedSequences).doesNotHaveDuplicates().isSorted();
        } finally {
            running.set(false);
            consumerB.join(30_000);
            listenerB.stop();
        }
    }

    private String notificationType(Push push) {
        try {
            return json.readTree(push.frame()).path("notificationType").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replica B's consumer: the service's group and handler, on commissions.events.v1. */
    private void consume(AtomicBoolean running, AtomicInteger applied, List<Integer> assigned) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "notification-service");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.COMMISSIONS));
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (assigned.isEmpty() && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(p -> assigned.add(p.partition()));
                }
                for (ConsumerRecord<String, String> record : records) {
                    if (idempotentConsumer.apply(CommissionsEventsConsumer.NAME, record, notifications::apply)) {
                        applied.incrementAndGet();
                    }
                }
                consumer.commitSync();
            }
        }
    }

    /** Registers members until each partition of commissions.events.v1 has one whose id keys to it. */
    private static List<Member> membersOnEveryPartition(int partitions) {
        Map<Integer, Member> byPartition = new HashMap<>();
        while (byPartition.size() < partitions) {
            UUID id = UUID.randomUUID();
            int partition = Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
            if (!byPartition.containsKey(partition)) {
                String subject = "sub-" + id;
                TestEvents.publishRegistration(id, subject, "Replica " + partition, null);
                byPartition.put(partition, new Member(id, subject, "Replica " + partition));
            }
        }
        return new ArrayList<>(byPartition.values());
    }
}
