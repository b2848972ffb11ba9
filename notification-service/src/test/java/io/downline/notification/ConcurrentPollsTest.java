package io.downline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import io.downline.notification.domain.Notification;
import io.downline.notification.service.NotificationFrames;
import io.downline.notification.service.Push;
import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.notification.support.WsClient;
import io.downline.notification.websocket.Rooms;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * commissions.events.v1 is consumed by copies of its channel, each with partitions of its own: two polls that
 * touch the same streams are stored side by side, serialise on the streams' rows (locked in name order) and
 * number them without a gap. And this replica pushes what it stored ahead of its NOTIFY, never out of order.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class ConcurrentPollsTest {

    private static final String GROUP = "notification-service";

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    DataSource dataSource;

    @Inject
    Rooms rooms;

    @Inject
    NotificationFrames frames;

    @Inject
    MeterRegistry registry;

    @Inject
    TestClock clock;

    @Test
    void twoPollsOfTheSameStreamsOnTwoCopiesOverlapAndNumberThemWithoutAGap() throws Exception {
        Db db = new Db(dataSource);
        Member x = TestEvents.register(null);
        Member y = TestEvents.register(null);
        awaitStream(db, x.room(), 1);
        awaitStream(db, y.room(), 1);
        List<TopicPartition> twoCopies = partitionsOfTwoCopies();

        try (WsClient socket = WsClient.connect(WsClient.uri(base.getPort(), null), Tokens.member(x.subject()));
                Connection holder = dataSource.getConnection()) {
            socket.awaitFrame("live", x.room());
            // Another transaction holds both streams: the two polls below can only wait for it, side by side.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT stream FROM stream_sequence WHERE stream = ANY (?) ORDER BY stream FOR UPDATE")) {
                lock.setArray(1, holder.createArrayOf("text", new Object[] { x.room(), y.room() }));
                lock.executeQuery().close();
            }
            // One poll names x first, the other y first: the rows are locked in name order all the same.
            List<EventEnvelope> pollA = List.of(commission(x), commission(y), commission(x));
            List<EventEnvelope> pollB = List.of(commission(y), commission(x), commission(y));
            EventPublisher.sendTogether(onPartition(twoCopies.get(0), pollA));
            EventPublisher.sendTogether(onPartition(twoCopies.get(1), pollB));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> LockWaits.count(dataSource, "INSERT INTO stream_sequence%") >= 2);
            holder.commit();

            for (EventEnvelope event : concat(pollA, pollB)) {
                assertThat(db.awaitNotificationsOf(event.id(), 1)).hasSize(1);
            }
            // Each poll was stored by one transaction of its own (neither failed and went one by one).
            assertThat(transactionsOf(db, pollA)).hasSize(1);
            assertThat(transactionsOf(db, pollB)).hasSize(1).doesNotContainAnyElementsOf(transactionsOf(db, pollA));
            assertThat(sequences(db, x.room())).containsExactly(1L, 2L, 3L, 4L);
            assertThat(sequences(db, y.room())).containsExactly(1L, 2L, 3L, 4L);
            assertThat(db.strings("SELECT last_sequence::text FROM stream_sequence WHERE stream = ANY (?) ORDER BY stream",
                    (Object) new String[] { x.room(), y.room() })).containsExactly("4", "4");

            await().atMost(Duration.ofSeconds(20)).until(() -> socket.notifications(x.room()).size() >= 3);
            assertThat(socket.notifications(x.room()).stream().map(f -> f.path("sequence").asLong()))
                    .containsExactly(2L, 3L, 4L);
        }
    }

    @Test
    void aNotificationPushedAheadOfItsNoticeGoesOnlyRightAfterItsPredecessorAndOnce() {
        Db db = new Db(dataSource);
        Member member = TestEvents.register(null);
        awaitStream(db, member.room(), 1);
        double ownBefore = pushes("own");
        try (WsClient socket = WsClient.connect(WsClient.uri(base.getPort(), null), Tokens.member(member.subject()))) {
            assertThat(socket.awaitFrame("live", member.room()).path("sequence").asLong()).isEqualTo(1);
            // As racing transactions would hand them over: 3 before 2 (held for the listener), then the listener's
            // copies of what was pushed already, then 4 from the listener only.
            rooms.deliverOwn(List.of(push(member, 3)));
            rooms.deliverOwn(List.of(push(member, 2)));
            rooms.deliver(List.of(push(member, 2)));
            rooms.deliverOwn(List.of(push(member, 3)));
            rooms.deliver(List.of(push(member, 3), push(member, 4)));

            await().atMost(Duration.ofSeconds(20)).until(() -> socket.notifications(member.room()).size() >= 3);
            assertThat(socket.notifications(member.room()).stream().map(f -> f.path("sequence").asLong()))
                    .containsExactly(2L, 3L, 4L);
            assertThat(pushes("own") - ownBefore).isEqualTo(2.0);
        }
    }

    /** Two partitions of commissions.events.v1, each held by a different copy of the service's channel. */
    private static List<TopicPartition> partitionsOfTwoCopies() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            return await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<TopicPartition> firstOfEach = new ArrayList<>();
                int assigned = 0;
                for (MemberDescription member : admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                        .get().members()) {
                    List<TopicPartition> commissions = member.assignment().topicPartitions().stream()
                            .filter(p -> p.topic().equals(Topics.COMMISSIONS)).sorted(
                                    java.util.Comparator.comparingInt(TopicPartition::partition))
                            .toList();
                    assigned += commissions.size();
                    if (!commissions.isEmpty()) {
                        firstOfEach.add(commissions.get(0));
                    }
                }
                return assigned == MailAndLoginTestResource.COMMISSION_PARTITIONS ? firstOfEach : List.of();
            }, partitions -> partitions.size() >= 2);
        }
    }

    private static List<ProducerRecord<String, String>> onPartition(TopicPartition partition, List<EventEnvelope> events) {
        return events.stream().map(event -> {
            ProducerRecord<String, String> record = CloudEventCodec.toRecord(Topics.COMMISSIONS, event);
            return new ProducerRecord<>(record.topic(), partition.partition(), record.key(), record.value(),
                    record.headers());
        }).toList();
    }

    private EventEnvelope commission(Member beneficiary) {
        return EventEnvelope.of(EventType.COMMISSION_EARNED, "commission-service", beneficiary.id().toString(),
                new CommissionEarned(UUID.randomUUID(), UUID.randomUUID(), beneficiary.id(), beneficiary.id(), 1,
                        new BigDecimal("0.10"), new BigDecimal("10.00"), Money.of("1.00", "USD"), "MEMBER", "2026-11", 1,
                        clock.instant().plusSeconds(86400 * 14), clock.instant()),
                null);
    }

    private Push push(Member member, long sequence) {
        return frames.push(new Notification(UUID.randomUUID(), member.room(), sequence, member.id(), "welcome", "t",
                "b", Map.of(), UUID.randomUUID(), "member.registered", clock.instant(), null), false);
    }

    private double pushes(String path) {
        return registry.get("downline_notification_pushes_total").tag("path", path).counter().count();
    }

    private static Set<String> transactionsOf(Db db, List<EventEnvelope> events) {
        return Set.copyOf(db.strings("SELECT DISTINCT xmin::text FROM notification WHERE event_id = ANY (?)",
                (Object) events.stream().map(EventEnvelope::id).toArray(UUID[]::new)));
    }

    private static List<Long> sequences(Db db, String room) {
        return db.strings("SELECT sequence::text FROM notification WHERE stream = ? ORDER BY sequence", room).stream()
                .map(Long::valueOf).toList();
    }

    private static void awaitStream(Db db, String room, long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "SELECT 1 FROM stream_sequence WHERE stream = ? AND last_sequence >= ?", room, sequence).size() == 1);
    }

    private static List<EventEnvelope> concat(List<EventEnvelope> a, List<EventEnvelope> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}
