package io.downline.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.commission.service.ReleaseService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/compensation-plan.md, examples 1 and 2, end to end: the tree arrives as users events, the volumes as
 * recorded sales, April's ranks as a close would have left them; then Sam's sale, its lines, events and
 * explanations, its refund in three parts, and the release after the hold window.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SaleFlowTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    ReleaseService releases;

    TestTree tree;
    Member root, fay, eli, dev, chloe, ben, ana, sam;

    @BeforeEach
    void example1() throws Exception {
        tree = new TestTree(dataSource);
        root = tree.member(null);
        fay = tree.member(root);
        eli = tree.member(fay);
        dev = tree.member(eli);
        chloe = tree.member(dev);
        ben = tree.member(chloe);
        ana = tree.member(ben);
        sam = tree.member(ana);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void example1PaysFourLinesAndExplainsTheTwoSkipsToEachMember() throws Exception {
        upToMay10();
        try (EventLog commissions = EventLog.tail(Topics.COMMISSIONS); EventLog orders = EventLog.tail(Topics.ORDERS)) {
            UUID order = UUID.randomUUID();
            TestTree.asAdmin().body(TestTree.saleBody(order, sam.id(), "250.00", "200.00", "USD", clock.instant()))
                    .post("/api/commissions/sales").then().statusCode(201)
                    .header("Location", endsWith("/api/commissions/explain?order=" + order))
                    .body("paid", equalTo("40.00")).body("breakage", equalTo("2.00")).body("planVersion", equalTo(1))
                    .body("explanation.lines", hasSize(4))
                    .body("explanation.skips.reason", equalTo(List.of("not qualified", "rank pays 2 levels")));

            // Keyed by beneficiary, so on different partitions: put them in level order.
            List<EventEnvelope> earned = commissions.awaitCount(EventType.COMMISSION_EARNED,
                    e -> e.payload(CommissionEarned.class).orderId().equals(order), 4, Duration.ofSeconds(20)).stream()
                    .sorted(java.util.Comparator.comparingInt(e -> e.payload(CommissionEarned.class).level())).toList();
            assertThat(earned).extracting(e -> e.payload(CommissionEarned.class).beneficiaryId())
                    .containsExactly(ana.id(), chloe.id(), eli.id(), fay.id());
            assertThat(earned).extracting(e -> e.payload(CommissionEarned.class).amount().amount().toPlainString())
                    .containsExactly("20.00", "10.00", "6.00", "4.00");
            CommissionEarned toChloe = earned.get(1).payload(CommissionEarned.class);
            assertThat(toChloe.level()).isEqualTo(2);
            assertThat(toChloe.paidAsRank()).isEqualTo("GOLD");
            assertThat(toChloe.period()).isEqualTo("2026-05");
            assertThat(toChloe.releaseAt()).isEqualTo(Instant.parse("2026-05-24T12:00:00Z"));
            assertThat(earned.get(1).subject()).isEqualTo(chloe.id().toString());
            OrderCompleted published = orders.await(EventType.ORDER_COMPLETED, order).payload(OrderCompleted.class);
            assertThat(published.commissionableVolume()).isEqualByComparingTo("200.00");
            assertThat(published.memberId()).isEqualTo(sam.id());
        }

        UUID order = lastOrderOf(sam);
        explain(ben, order).statusCode(200).body("yours.outcome", equalTo("SKIPPED"))
                .body("yours.reason", equalTo("not qualified"))
                .body("yours.detail", equalTo("PV 30.00 this period and 45.00 last period, both below 50.00"))
                .body("explanation", equalTo(null));
        explain(dev, order).statusCode(200).body("yours.reason", equalTo("rank pays 2 levels")).body("yours.level", equalTo(3));
        explain(chloe, order).statusCode(200).body("yours.outcome", equalTo("PAID")).body("yours.amount", equalTo("10.00"))
                .body("yours.detail", equalTo("level 2 at 5 %: qualified: PV 120.00 last period ≥ 50.00; GOLD pays 5 levels"));
        explain(sam, order).statusCode(200).body("yours.outcome", equalTo("SELLER"));
        explain(root, order).statusCode(403);
        Member stranger = tree.member(root);
        explain(stranger, order).statusCode(403).contentType("application/problem+json");
        explain(stranger, UUID.randomUUID()).statusCode(403);
        given().auth().oauth2(Tokens.of("auditor-1", "auditor")).get("/api/commissions/explain?order={o}", order)
                .then().statusCode(200).body("explanation.skips[1].memberId", equalTo(dev.id().toString()));

        given().auth().oauth2(chloe.token()).get("/api/commissions/members/{id}/lines?period=2026-05", chloe.id())
                .then().statusCode(200).body("items.find { it.orderId == '" + order + "' }.amount", equalTo("10.00"))
                .body("items.find { it.orderId == '" + order + "' }.status", equalTo("PENDING"))
                .body("items.find { it.orderId == '" + order + "' }.rate", equalTo("0.05"))
                .body("items.find { it.orderId == '" + order + "' }.rule", equalTo(
                        "level 2 at 5 %: qualified: PV 120.00 last period ≥ 50.00; GOLD pays 5 levels"));
        given().auth().oauth2(ben.token()).get("/api/commissions/members/{id}/lines", chloe.id())
                .then().statusCode(403);
        given().get("/api/commissions/members/{id}/lines", chloe.id()).then().statusCode(401);
    }

    @Test
    void example2RefundedInThreePartsNetsEveryLineToZero() throws Exception {
        upToMay10();
        UUID order = TestTree.sale(sam, "200.00", clock.instant());
        try (EventLog commissions = EventLog.tail(Topics.COMMISSIONS); EventLog orders = EventLog.tail(Topics.ORDERS)) {
            clock.freezeAt(Instant.parse("2026-05-12T09:00:00Z"));
            refund(order, "66.67").statusCode(201).body("refundedCommissionableVolume", equalTo("66.67"));
            clock.freezeAt(Instant.parse("2026-05-15T09:00:00Z"));
            refund(order, "66.67").statusCode(201);
            clock.freezeAt(Instant.parse("2026-05-20T09:00:00Z"));
            refund(order, "66.66").statusCode(201).body("refundedCommissionableVolume", equalTo("200.00"));

            List<EventEnvelope> reversed = commissions.awaitCount(EventType.COMMISSION_REVERSED,
                    e -> e.payload(CommissionReversed.class).orderId().equals(order), 12, Duration.ofSeconds(20));
            assertThat(reversed).filteredOn(e -> e.payload(CommissionReversed.class).beneficiaryId().equals(ana.id()))
                    .extracting(e -> e.payload(CommissionReversed.class).amount().amount().toPlainString())
                    .containsExactly("6.67", "6.67", "6.66");
            assertThat(reversed).filteredOn(e -> e.payload(CommissionReversed.class).beneficiaryId().equals(chloe.id()))
                    .extracting(e -> e.payload(CommissionReversed.class).amount().amount().toPlainString())
                    .containsExactly("3.33", "3.33", "3.34");
            assertThat(reversed).allSatisfy(e -> assertThat(e.payload(CommissionReversed.class).released()).isFalse());
            assertThat(orders.awaitCount(EventType.ORDER_REFUNDED,
                    e -> e.payload(OrderRefunded.class).orderId().equals(order), 3, Duration.ofSeconds(20))).hasSize(3);
        }
        assertThat(tree.decimal("SELECT sum(remaining) FROM commission_line WHERE order_id = ?", order))
                .isEqualByComparingTo("0.00");
        // Sam's PV: 200 sold in May, 200 refunded in May.
        assertThat(tree.decimal("SELECT pv FROM member_volume WHERE member_id = ? AND period = '2026-05'", sam.id()))
                .isEqualByComparingTo("0.00");

        long outboxRows = tree.count("SELECT count(*) FROM outbox_log");
        refund(order, "0.01").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
        refund(UUID.randomUUID(), "1.00").statusCode(404);
        assertThat(tree.count("SELECT count(*) FROM outbox_log")).isEqualTo(outboxRows);
    }

    @Test
    void aLineIsReleasedAfterTheHoldWindowAndAReversalAfterThatSaysReleased() throws Exception {
        upToMay10();
        UUID order = TestTree.sale(sam, "100.00", clock.instant());
        try (EventLog commissions = EventLog.tail(Topics.COMMISSIONS)) {
            clock.advance(Duration.ofDays(13));
            releases.releaseDue();
            assertThat(tree.count("SELECT count(*) FROM commission_line WHERE order_id = ? AND released_at IS NULL", order))
                    .isEqualTo(4);
            clock.advance(Duration.ofDays(1));
            while (releases.releaseDue() > 0) {
                // drain every due line, other tests' included
            }
            List<EventEnvelope> released = commissions.awaitCount(EventType.COMMISSION_RELEASED,
                    e -> e.payload(CommissionReleased.class).orderId().equals(order), 4, Duration.ofSeconds(20));
            assertThat(released).extracting(e -> e.payload(CommissionReleased.class).amount().amount().toPlainString())
                    .containsExactlyInAnyOrder("10.00", "5.00", "3.00", "2.00");

            refund(order, "50.00").statusCode(201);
            List<EventEnvelope> reversed = commissions.awaitCount(EventType.COMMISSION_REVERSED,
                    e -> e.payload(CommissionReversed.class).orderId().equals(order), 4, Duration.ofSeconds(20));
            assertThat(reversed).allSatisfy(e -> {
                CommissionReversed payload = e.payload(CommissionReversed.class);
                assertThat(payload.released()).isTrue();
                assertThat(payload.remainingAmount().amount()).isEqualByComparingTo(payload.amount().amount());
            });
        }
        given().auth().oauth2(ana.token()).get("/api/commissions/members/{id}/lines?period=2026-05", ana.id())
                .then().statusCode(200).body("items[0].status", equalTo("RELEASED"))
                .body("items[0].remaining", equalTo("5.00"));
    }

    /**
     * April's PV (45, 120, 60, 10, 300) and May's so far (80, 30, 75, 55, 210) as recorded sales; April's ranks as
     * its close left them (SILVER, SILVER, GOLD, MEMBER, BRONZE, SILVER), then the clock at 10 May 2026, noon.
     */
    private void upToMay10() throws Exception {
        clock.freezeAt(Instant.parse("2026-04-15T10:00:00Z"));
        for (Object[] sale : new Object[][] { { ben, "45.00" }, { chloe, "120.00" }, { dev, "60.00" }, { eli, "10.00" },
                { fay, "300.00" } }) {
            TestTree.sale((Member) sale[0], (String) sale[1], clock.instant());
        }
        clock.freezeAt(Instant.parse("2026-05-05T10:00:00Z"));
        for (Object[] sale : new Object[][] { { ana, "80.00" }, { ben, "30.00" }, { dev, "75.00" }, { eli, "55.00" },
                { fay, "210.00" } }) {
            TestTree.sale((Member) sale[0], (String) sale[1], clock.instant());
        }
        tree.execute("INSERT INTO period_close (period, status, plan_version, result_hash, member_count, total_volume,"
                + " sales_volume, commissions, breakage, payout_ratio, rank_counts, closes, closed_at, closed_by)"
                + " VALUES ('2026-04', 'CLOSED', 1, repeat('0', 64), 0, 0, 0, 0, 0, 0, '{}', 1, '2026-05-01T00:30:00Z',"
                + " 'test') ON CONFLICT (period) DO NOTHING");
        for (Object[] rank : new Object[][] { { ana, "SILVER" }, { ben, "SILVER" }, { chloe, "GOLD" }, { dev, "MEMBER" },
                { eli, "BRONZE" }, { fay, "SILVER" } }) {
            tree.execute("INSERT INTO close_member (period, member_id, active, pv, previous_pv, gv, qualified_sponsored,"
                    + " rank, previous_rank) VALUES ('2026-04', ?, true, 0, 0, 0, 0, ?, 'MEMBER')",
                    ((Member) rank[0]).id(), rank[1]);
        }
        clock.freezeAt(Instant.parse("2026-05-10T12:00:00Z"));
    }

    private UUID lastOrderOf(Member seller) throws Exception {
        return UUID.fromString(queryString(
                "SELECT order_id::text FROM sale WHERE seller_id = ? ORDER BY processed_at DESC LIMIT 1", seller.id()));
    }

    private String queryString(String sql, UUID id) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse explain(Member member, UUID order) {
        return given().auth().oauth2(member.token()).get("/api/commissions/explain?order={o}", order).then();
    }

    private static io.restassured.response.ValidatableResponse refund(UUID order, String cv) {
        return TestTree.asAdmin().body(Map.of("amount", cv, "commissionableVolume", cv))
                .post("/api/commissions/sales/{id}/refunds", order).then();
    }
}
