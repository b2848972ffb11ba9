package io.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The shop's orders.events.v1: applied once, redelivery changes nothing, out of order parked, poison dead-lettered. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OrderConsumerTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    TestTree tree;
    Member root;
    Member sponsor;

    @BeforeEach
    void tree() {
        tree = new TestTree(dataSource);
        root = tree.member(null);
        sponsor = tree.member(root);
    }

    @Test
    void aSaleIsAppliedOnceAndARedeliveryChangesNothing() throws Exception {
        Member seller = tree.member(sponsor);
        UUID order = UUID.randomUUID();
        EventEnvelope completed = EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", order, completed(order, seller.id(), "80.00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> tree.count("SELECT count(*) FROM sale WHERE order_id = ?", order) == 1);
        assertThat(tree.decimal("SELECT amount FROM commission_line WHERE order_id = ? AND beneficiary_id = ?", order,
                sponsor.id())).isNull(); // the sponsor has no PV: not qualified

        EventPublisher.send(Topics.ORDERS, completed);
        UUID later = UUID.randomUUID();
        EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", later, completed(later, seller.id(), "10.00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> tree.count("SELECT count(*) FROM sale WHERE order_id = ?", later) == 1);
        assertThat(tree.decimal("SELECT pv FROM member_volume WHERE member_id = ? AND period = ?", seller.id(),
                period())).isEqualByComparingTo("90.00");
        assertThat(tree.count("SELECT count(*) FROM processed_event WHERE event_id = ?", completed.id()))
                .isEqualTo(1);
    }

    @Test
    void aSaleForAMemberNotKnownYetIsParkedThenApplied() throws Exception {
        tree.member(sponsor); // gives the sponsor a downline; the sponsor sells to qualify
        TestTree.sale(sponsor, "60.00", clock.instant());
        UUID sellerId = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", order, completed(order, sellerId, "100.00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> tree.count(
                "SELECT count(*) FROM parked_event WHERE waits_for = ?", "member:" + sellerId) == 1);
        assertThat(tree.count("SELECT count(*) FROM sale WHERE order_id = ?", order)).isZero();

        EventPublisher.publish(EventType.MEMBER_REGISTERED, "user-service", sellerId,
                TestTree.registration(sellerId, "sub-" + sellerId, sponsor.id(), "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tree.count("SELECT count(*) FROM sale WHERE order_id = ?", order) == 1);
        assertThat(tree.decimal("SELECT amount FROM commission_line WHERE order_id = ? AND beneficiary_id = ?", order,
                sponsor.id())).isEqualByComparingTo("10.00");
        assertThat(tree.count("SELECT count(*) FROM parked_event WHERE waits_for = ?", "member:" + sellerId)).isZero();
    }

    @Test
    void aRefundBeforeItsOrderWaitsForTheOrder() throws Exception {
        TestTree.sale(sponsor, "60.00", clock.instant());
        Member seller = tree.member(sponsor);
        UUID order = UUID.randomUUID();
        UUID refund = UUID.randomUUID();
        try (EventLog commissions = EventLog.tail(Topics.COMMISSIONS)) {
            EventPublisher.publish(EventType.ORDER_REFUNDED, "shop", order, new OrderRefunded(order, refund, seller.id(),
                    Money.of("25.00", "USD"), new BigDecimal("25.00"), clock.instant()));
            await().atMost(Duration.ofSeconds(20)).until(() -> tree.count(
                    "SELECT count(*) FROM parked_event WHERE waits_for = ?", "order:" + order) == 1);
            EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", order, completed(order, seller.id(), "100.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> tree.count("SELECT count(*) FROM refund WHERE refund_id = ?", refund) == 1);
            assertThat(commissions.await(EventType.COMMISSION_REVERSED, sponsor.id()).data()).contains("\"2.50\"");
        }
        assertThat(tree.decimal("SELECT remaining FROM commission_line WHERE order_id = ?", order)).isEqualByComparingTo("7.50");
    }

    @Test
    void anOrderInAnotherCurrencyGoesToTheDeadLetterTopic() {
        Member seller = tree.member(sponsor);
        UUID order = UUID.randomUUID();
        try (EventLog dlq = EventLog.tailRaw("commission-service.orders.events.v1.dlq")) {
            EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", order, new OrderCompleted(order, seller.id(),
                    Money.of("10.00", "EUR"), new BigDecimal("10.00"), clock.instant(), clock.instant()));
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> r.key().equals(order.toString()), Duration.ofSeconds(20));
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value())).contains("EUR");
        }
    }

    private OrderCompleted completed(UUID order, UUID seller, String cv) {
        return new OrderCompleted(order, seller, Money.of(cv, "USD"), new BigDecimal(cv), clock.instant(), clock.instant());
    }

    private String period() {
        return io.downline.commission.domain.Periods.format(io.downline.commission.domain.Periods.of(clock.instant()));
    }
}
