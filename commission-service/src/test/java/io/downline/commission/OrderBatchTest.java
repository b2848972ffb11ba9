package io.downline.commission;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.commission.domain.Periods;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The orders consumer applies a poll in one transaction, its sales set-based: the same sales, lines, amounts,
 * explanations, volumes and events as the same orders applied one by one, and a redelivered poll changes nothing.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OrderBatchTest {

    private static final String CONSUMER = "commission-service:orders";

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    /**
     * root ← top ← mid ← upline ← seller. Before the orders, mid sells 60 through the API (qualified). The orders:
     * the seller sells 100 (upline has no PV: skipped, mid paid level 1); upline sells 60 (now qualified); the
     * seller sells 80 (upline qualified by the sale just before: paid level 1, mid level 2); half of upline's sale
     * is refunded (upline's PV falls to 30, mid's line on it is halved); the seller sells 50 (upline unqualified
     * again: skipped); the first order again (one sale).
     */
    @Test
    void aPollIsAppliedInOneTransactionWithTheSameEffectAsOneByOne() throws Exception {
        Scenario batched = scenario();
        Scenario alone = scenario();

        EventPublisher.sendTogether(batched.events().stream().map(e -> CloudEventCodec.toRecord(Topics.ORDERS, e)).toList());
        batched.events().forEach(this::awaitProcessed);
        for (EventEnvelope event : alone.events()) {
            EventPublisher.send(Topics.ORDERS, event);
            awaitProcessed(event);
        }

        assertThat(transactions(batched)).as("the batch's sales in fewer transactions than sales").isLessThan(4);
        assertThat(transactions(alone)).as("one by one: a transaction per sale").isEqualTo(4);
        String state = state(batched);
        String period = Periods.format(Periods.of(batched.at()));
        assertThat(state).isEqualTo(state(alone));
        assertThat(state).contains("o0 paid 10.00", "o1 paid 6.00", "o2 paid 12.00", "o3 paid 5.00",
                "o2 L1 upline 8.00 8.00", "o2 L2 mid 4.00 4.00", "o1 L1 mid 6.00 3.00", "upline pv " + period + " 30.00",
                "seller pv " + period + " 230.00", "commission.reversed mid 3.00");
        assertThat(count("SELECT count(*) FROM sale WHERE order_id = ?", batched.orders().get(0))).isEqualTo(1);

        // The same poll again, then one more order on the same partition: once that one is applied, the redelivered
        // ones have been seen, and nothing of them changed anything.
        EventEnvelope after = batched.sale(batched.seller(), UUID.randomUUID(), "10.00");
        List<EventEnvelope> redelivered = new ArrayList<>(batched.events());
        redelivered.add(after);
        EventPublisher.sendTogether(redelivered.stream().map(e -> CloudEventCodec.toRecord(Topics.ORDERS, e)).toList());
        awaitProcessed(after);
        assertThat(state(batched)).isEqualTo(state.replace("seller pv " + period + " 230.00",
                "seller pv " + period + " 240.00"));
        for (EventEnvelope event : batched.events()) {
            assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER,
                    event.id())).isEqualTo(1);
        }
    }

    private Scenario scenario() {
        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member top = tree.member(root);
        Member mid = tree.member(top);
        Member upline = tree.member(mid);
        Member seller = tree.member(upline);
        TestTree.sale(mid, "60.00", clock.instant());
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(root.id(), "root");
        names.put(top.id(), "top");
        names.put(mid.id(), "mid");
        names.put(upline.id(), "upline");
        names.put(seller.id(), "seller");
        Scenario scenario = new Scenario(root.id().toString(), clock.instant(), seller.id(), names, new ArrayList<>(), new ArrayList<>());
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < orders.size(); i++) {
            names.put(orders.get(i), "o" + i);
            scenario.orders().add(orders.get(i));
        }
        UUID refund = UUID.randomUUID();
        names.put(refund, "r0");
        scenario.events().add(scenario.sale(seller.id(), orders.get(0), "100.00"));
        scenario.events().add(scenario.sale(upline.id(), orders.get(1), "60.00"));
        scenario.events().add(scenario.sale(seller.id(), orders.get(2), "80.00"));
        scenario.events().add(scenario.event(EventType.ORDER_REFUNDED, new OrderRefunded(orders.get(1), refund,
                upline.id(), Money.of("30.00", "USD"), new BigDecimal("30.00"), clock.instant())));
        scenario.events().add(scenario.sale(seller.id(), orders.get(3), "50.00"));
        scenario.events().add(scenario.sale(seller.id(), orders.get(0), "100.00"));
        return scenario;
    }

    /** One tree's orders, all on one partition (one key), so that they are applied in this order. */
    private record Scenario(String key, Instant at, UUID seller, Map<UUID, String> names, List<UUID> orders,
            List<EventEnvelope> events) {

        EventEnvelope sale(UUID sellerId, UUID order, String cv) {
            return event(EventType.ORDER_COMPLETED, new OrderCompleted(order, sellerId, Money.of(cv, "USD"),
                    new BigDecimal(cv), at, at));
        }

        EventEnvelope event(EventType type, EventPayload payload) {
            return EventEnvelope.of(type, "shop", key, payload, null);
        }

        String name(String text) {
            String named = text;
            for (Map.Entry<UUID, String> entry : names.entrySet()) {
                named = named.replace(entry.getKey().toString(), entry.getValue());
            }
            return named;
        }
    }

    /** Everything the orders wrote, with ids replaced by names: sales, lines, volumes and events in their order. */
    private String state(Scenario scenario) throws SQLException {
        UUID[] orders = scenario.orders().toArray(UUID[]::new);
        UUID[] members = scenario.names().keySet().toArray(UUID[]::new);
        StringBuilder state = new StringBuilder();
        rows(state, "SELECT order_id, 'paid', paid, breakage, refunded_amount, refunded_cv, plan_version, period,"
                + " explanation::text FROM sale JOIN ids ON ids.id = order_id ORDER BY ids.n", orders);
        rows(state, "SELECT order_id, 'L' || level, beneficiary_id, amount, remaining, rate, paid_as_rank, rule"
                + " FROM commission_line JOIN ids ON ids.id = order_id ORDER BY ids.n, level", orders);
        rows(state, "SELECT r.order_id, 'reversal', l.level, x.amount, x.released FROM line_reversal x"
                + " JOIN commission_line l ON l.line_id = x.line_id JOIN refund r ON r.refund_id = x.refund_id"
                + " JOIN ids ON ids.id = r.order_id ORDER BY ids.n, l.level", orders);
        rows(state, "SELECT member_id, 'pv', period, pv FROM member_volume JOIN ids ON ids.id = member_id"
                + " ORDER BY ids.n, period", members);
        rows(state, "SELECT type, aggregate_id, payload::jsonb -> 'amount' ->> 'amount', payload::jsonb ->> 'orderId',"
                + " payload::jsonb ->> 'level' FROM outbox_log JOIN ids ON ids.id = (payload::jsonb ->> 'orderId')::uuid"
                + " WHERE type LIKE 'commission.%' ORDER BY outbox_log.id", orders);
        return scenario.name(state.toString());
    }

    private void rows(StringBuilder state, String sql, UUID[] ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "WITH ids AS (SELECT * FROM unnest(?) WITH ORDINALITY AS ids (id, n)) " + sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = statement.executeQuery()) {
                List<String> lines = new ArrayList<>();
                while (rows.next()) {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        columns.add(String.valueOf(rows.getObject(i)));
                    }
                    lines.add(String.join(" ", columns));
                }
                state.append(String.join("\n", lines)).append('\n');
            }
        }
    }

    private long transactions(Scenario scenario) throws SQLException {
        return count("SELECT count(DISTINCT xmin::text) FROM sale WHERE order_id = ANY(?)",
                (Object) scenario.orders().toArray(UUID[]::new));
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER, event.id()) == 1);
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
