package io.downline.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.incentive.Fixtures.Member;
import io.downline.incentive.service.Engine;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Order events sent together reach the engine in one poll and are applied in one transaction, set-based; the result
 * (progress rows, qualifications, leaderboard buckets, {@code incentive.qualified} events) is the one of the same
 * events applied one after the other.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OrderBatchTest {

    @Inject
    TestClock clock;

    @Inject
    Engine engine;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchCrossingTiersForSeveralMembersEqualsTheSameEventsOneByOneAndARedeliveryChangesNothing()
            throws SQLException {
        UUID program = Fixtures.published(Fixtures.program("Batch sprint " + UUID.randomUUID()));
        List<Member> batched = List.of(Fixtures.known(null), Fixtures.known(null), Fixtures.known(null));
        List<Member> single = List.of(Fixtures.known(null), Fixtures.known(null), Fixtures.known(null));
        Instant at = clock.instant();
        try (EventLog incentives = EventLog.tail(Topics.INCENTIVES)) {
            List<EventEnvelope> batch = scenario(batched, at);
            EventPublisher.sendTogether(batch.stream().map(this::record).toList());
            awaitProcessed(batch);
            for (EventEnvelope event : scenario(single, at)) {
                QuarkusTransaction.requiringNew().run(() -> applyOne(event));
            }

            // One poll, one transaction (a poll boundary may at worst split it once), not one per event.
            assertThat(transactions(batch)).isLessThanOrEqualTo(2).isLessThan(batch.size());
            List<String> tiers = List.of("Bronze", "Bronze", "Silver");
            List<String> tiersOfB = List.of("Bronze", "Silver", "Silver");
            for (List<Member> members : List.of(batched, single)) {
                assertThat(qualifiedTiers(incentives, program, members.get(0), 3)).isEqualTo(tiers);
                assertThat(qualifiedTiers(incentives, program, members.get(1), 3)).isEqualTo(tiersOfB);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(progress(program, batched.get(i))).isEqualTo(progress(program, single.get(i)));
                assertThat(qualifications(program, batched.get(i))).isEqualTo(qualifications(program, single.get(i)));
            }
            assertThat(progress(program, batched.get(0))).containsEntry("personal_volume", "1050.00")
                    .containsEntry("tier_reached", "2");
            assertThat(progress(program, batched.get(1))).containsEntry("personal_volume", "1200.00");
            assertThat(progress(program, batched.get(2))).containsEntry("personal_volume", "100.00")
                    .containsEntry("progress_percent", "20.00");
            assertThat(qualifications(program, batched.get(1))).containsExactly("1 held", "2 held");
            assertBucketsCountTheEligibleRows(program);

            Map<String, String> before = progress(program, batched.get(0));
            EventPublisher.sendTogether(batch.stream().map(this::record).toList());
            Member marker = Fixtures.known(null);
            Fixtures.sale(marker.id(), "600.00", clock.instant());
            qualifiedTiers(incentives, program, marker, 1);
            assertThat(progress(program, batched.get(0))).isEqualTo(before);
            assertThat(qualifiedTiers(incentives, program, batched.get(0), 3)).isEqualTo(tiers);
            assertThat(qualifiedTiers(incentives, program, batched.get(1), 3)).isEqualTo(tiersOfB);
            assertBucketsCountTheEligibleRows(program);
        }
    }

    @Test
    void aBatchThatCannotBeAppliedWholeIsAppliedOneByOneAndASaleInABatchReleasesItsParkedRefund() {
        UUID program = Fixtures.published(Fixtures.program("Batch fallback " + UUID.randomUUID()));
        Member early = Fixtures.known(null);
        Member other = Fixtures.known(null);
        Instant at = clock.instant();
        UUID order = UUID.randomUUID();
        // The refund comes first: the batch cannot apply it, so the events go one by one (the refund is parked, the
        // sale releases it).
        EventPublisher.sendTogether(List.of(record(refunded(order, early.id(), "100.00")),
                record(completed(order, early.id(), "600.00", at)),
                record(completed(UUID.randomUUID(), other.id(), "200.00", at))));
        EngineFlowTest.awaitPersonalVolume(program, early, "500.00");
        EngineFlowTest.awaitPersonalVolume(program, other, "200.00");

        Member late = Fixtures.known(null);
        UUID lateOrder = UUID.randomUUID();
        EventEnvelope refund = refunded(lateOrder, late.id(), "200.00");
        EventPublisher.send(record(refund));
        awaitProcessed(List.of(refund));
        EventPublisher.sendTogether(List.of(record(completed(lateOrder, late.id(), "700.00", at)),
                record(completed(UUID.randomUUID(), other.id(), "50.00", at))));
        EngineFlowTest.awaitPersonalVolume(program, late, "500.00");
        EngineFlowTest.awaitPersonalVolume(program, other, "250.00");
        assertBucketsCountTheEligibleRows(program);
    }

    /**
     * a: 300, 250 (Bronze), a refund of 100 (Bronze lost), 600 (Bronze again and Silver); b: 1,000 (Bronze and
     * Silver), a refund of 300 (Silver lost), 500 (Silver again); c: 100, then the same order again (counted once).
     */
    private List<EventEnvelope> scenario(List<Member> members, Instant at) {
        UUID a = members.get(0).id();
        UUID b = members.get(1).id();
        UUID c = members.get(2).id();
        UUID aSecond = UUID.randomUUID();
        UUID bFirst = UUID.randomUUID();
        UUID cFirst = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(completed(UUID.randomUUID(), a, "300.00", at));
        events.add(completed(bFirst, b, "1000.00", at));
        events.add(completed(aSecond, a, "250.00", at));
        events.add(completed(cFirst, c, "100.00", at));
        events.add(refunded(aSecond, a, "100.00"));
        events.add(refunded(bFirst, b, "300.00"));
        events.add(completed(UUID.randomUUID(), a, "600.00", at));
        events.add(completed(cFirst, c, "100.00", at));
        events.add(completed(UUID.randomUUID(), b, "500.00", at));
        return events;
    }

    private EventEnvelope completed(UUID order, UUID seller, String volume, Instant at) {
        return EventEnvelope.of(EventType.ORDER_COMPLETED, "shop", order.toString(), new OrderCompleted(order, seller,
                Money.of(volume, "USD"), new BigDecimal(volume), at, at), null);
    }

    private EventEnvelope refunded(UUID order, UUID seller, String volume) {
        return EventEnvelope.of(EventType.ORDER_REFUNDED, "shop", order.toString(), new OrderRefunded(order,
                UUID.randomUUID(), seller, Money.of(volume, "USD"), new BigDecimal(volume), clock.instant()), null);
    }

    /** On one partition: the test broker's topics have several, and a scenario's order is what it tests. */
    private ProducerRecord<String, String> record(EventEnvelope event) {
        ProducerRecord<String, String> record = CloudEventCodec.toRecord(Topics.ORDERS, event);
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private void applyOne(EventEnvelope event) {
        if (event.type().equals(EventType.ORDER_COMPLETED.type())) {
            OrderCompleted sale = event.payload(OrderCompleted.class);
            engine.orderCompleted(sale.orderId(), sale.memberId(), sale.commissionableVolume(), sale.completedAt());
        } else {
            OrderRefunded refund = event.payload(OrderRefunded.class);
            engine.orderRefunded(refund.orderId(), refund.commissionableVolume());
        }
    }

    private List<String> qualifiedTiers(EventLog incentives, UUID program, Member member, int count) {
        return incentives.awaitCount(EventType.INCENTIVE_QUALIFIED, e -> e.subject().equals(member.id().toString())
                && e.payload(IncentiveQualified.class).programId().equals(program), count, Duration.ofSeconds(20))
                .stream().map(e -> e.payload(IncentiveQualified.class).tier()).toList();
    }

    private void awaitProcessed(List<EventEnvelope> events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM processed_event WHERE consumer = 'incentive-service:orders'
                AND event_id = ANY (?)""", events) == events.size());
    }

    /** How many transactions recorded the events: each row's xmin is the id of the transaction that wrote it. */
    private long transactions(List<EventEnvelope> events) throws SQLException {
        return count("""
                SELECT count(DISTINCT xmin::text) FROM processed_event WHERE consumer = 'incentive-service:orders'
                AND event_id = ANY (?)""", events);
    }

    private long count(String query, List<EventEnvelope> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("uuid", events.stream().map(EventEnvelope::id).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The member's progress row; left out: times (the moments of applying) and the announcement mark (the announcer
     * clears it whenever its turn comes).
     */
    private Map<String, String> progress(UUID program, Member member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT personal_volume, eligible, tier_reached, criteria_met, criteria_total, progress_percent,
                            score FROM progress WHERE program_id = ? AND member_id = ?""")) {
            statement.setObject(1, program);
            statement.setObject(2, member.id());
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, String> row = new java.util.TreeMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                }
                return row;
            }
        }
    }

    private List<String> qualifications(UUID program, Member member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT level || CASE WHEN lost_at IS NULL THEN ' held' ELSE ' lost' END
                        FROM qualification WHERE program_id = ? AND member_id = ? ORDER BY level""")) {
            statement.setObject(1, program);
            statement.setObject(2, member.id());
            List<String> levels = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    levels.add(rows.getString(1));
                }
            }
            return levels;
        }
    }

    /** Every bucket holds exactly the eligible members with its score, and every such score has its bucket. */
    private void assertBucketsCountTheEligibleRows(UUID program) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("""
                            WITH b AS (SELECT score, members FROM leaderboard_bucket
                                       WHERE program_id = ? AND members > 0),
                                 p AS (SELECT score, count(*) AS members FROM progress WHERE program_id = ? AND eligible
                                       GROUP BY score)
                            SELECT (SELECT count(*) FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM p) AS x)
                                 + (SELECT count(*) FROM (SELECT * FROM p EXCEPT ALL SELECT * FROM b) AS y),
                                 (SELECT count(*) FROM p)""")) {
                statement.setObject(1, program);
                statement.setObject(2, program);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).isZero();
                    assertThat(rows.getLong(2)).isPositive();
                }
            }
        });
    }
}
