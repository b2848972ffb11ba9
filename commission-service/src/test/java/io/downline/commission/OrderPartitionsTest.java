package io.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.commission.domain.Periods;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The orders channel runs several copies (concurrency), each a consumer of the group with its own partitions: a
 * poll that waits (here on a volume row a third connection holds) holds only its own partitions, and a sale on a
 * partition of another copy is applied meanwhile.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OrderPartitionsTest {

    private static final String GROUP = "commission-service";

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Test
    void aPollWaitingForALockHoldsOnlyItsOwnPartitions() throws Exception {
        TestTree tree = new TestTree(dataSource);
        Member sponsor = tree.member(tree.member(null));
        Member blocked = tree.member(sponsor);
        Member free = tree.member(sponsor);
        String period = Periods.format(Periods.of(clock.instant()));

        UUID blockedOrder = UUID.randomUUID();
        UUID freeOrder;
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get().get(Topics.ORDERS)
                    .partitions().size();
            Map<Integer, String> owners = await().atMost(Duration.ofSeconds(60))
                    .until(() -> owners(admin), held -> held.size() == partitions
                            && held.values().stream().distinct().count() > 1);
            String blockedCopy = owners.get(partition(blockedOrder, partitions));
            UUID candidate;
            do {
                candidate = UUID.randomUUID();
            } while (owners.get(partition(candidate, partitions)).equals(blockedCopy));
            freeOrder = candidate;
        }

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement(
                    "INSERT INTO member_volume (member_id, period, pv) VALUES (?, ?, 0)")) {
                hold.setObject(1, blocked.id());
                hold.setString(2, period);
                hold.executeUpdate();
            }
            EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", blockedOrder, completed(blockedOrder, blocked, "70.00"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> LockWaits.count(dataSource, "%INSERT INTO member_volume%") >= 1);

            EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", freeOrder, completed(freeOrder, free, "20.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> tree.count(
                    "SELECT count(*) FROM sale WHERE order_id = ?", freeOrder) == 1);
            assertThat(tree.count("SELECT count(*) FROM sale WHERE order_id = ?", blockedOrder))
                    .as("the other copy's poll still waits").isZero();
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tree.count(
                "SELECT count(*) FROM sale WHERE order_id = ?", blockedOrder) == 1);
        assertThat(tree.decimal("SELECT pv FROM member_volume WHERE member_id = ? AND period = ?", blocked.id(), period))
                .isEqualByComparingTo("70.00");
    }

    /** Which member of the group (a copy of the channel) holds each partition of the orders topic. */
    private static Map<Integer, String> owners(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        Map<Integer, String> owners = new HashMap<>();
        for (MemberDescription member : group.members()) {
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(Topics.ORDERS)) {
                    owners.put(partition.partition(), member.consumerId());
                }
            }
        }
        return owners;
    }

    /** The partition the producer's default partitioner picks for the key. */
    private static int partition(UUID key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.toString().getBytes(StandardCharsets.UTF_8), partitions);
    }

    private OrderCompleted completed(UUID order, Member seller, String cv) {
        return new OrderCompleted(order, seller.id(), Money.of(cv, "USD"), new BigDecimal(cv), clock.instant(),
                clock.instant());
    }
}
