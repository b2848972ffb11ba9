package io.downline.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The sales endpoint's refusals (each changes nothing) and its Idempotency-Key. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SalesRefusalTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Test
    void everyBadSaleIsAProblemAndChangesNothing() throws Exception {
        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member seller = tree.member(root);
        UUID order = UUID.randomUUID();
        Map<String, Object> good = TestTree.saleBody(order, seller.id(), "20.00", "10.00", "USD", clock.instant());
        long outbox = tree.count("SELECT count(*) FROM outbox_log");

        given().contentType("application/json").body(good).post("/api/commissions/sales").then().statusCode(401);
        TestTree.as(seller.token()).body(good).post("/api/commissions/sales").then().statusCode(403);
        TestTree.as(Tokens.of("auditor-1", "auditor")).body(good).post("/api/commissions/sales").then().statusCode(403);
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "0.00", "-1.00", "usd", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount")).body("errors.field", hasItem("commissionableVolume"))
                .body("errors.field", hasItem("currency"));
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "10.001", "10.00", "USD", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(400);
        TestTree.asAdmin().body(TestTree.saleBody(order, UUID.randomUUID(), "10.00", "10.00", "USD", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(422).body("errors[0].field", equalTo("memberId"));
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "10.00", "10.00", "EUR", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(422).body("errors[0].field", equalTo("currency"));
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "10.00", "10.00", "USD",
                clock.instant().plusSeconds(3600))).post("/api/commissions/sales").then().statusCode(422);
        assertThat(tree.count("SELECT count(*) FROM outbox_log")).isEqualTo(outbox);
        assertThat(tree.count("SELECT count(*) FROM sale WHERE order_id = ?", order)).isZero();

        String first = TestTree.asAdmin().header("Idempotency-Key", "sale-" + order).body(good)
                .post("/api/commissions/sales").then().statusCode(201).extract().asString();
        String repeat = TestTree.asAdmin().header("Idempotency-Key", "sale-" + order).body(good)
                .post("/api/commissions/sales").then().statusCode(201).extract().asString();
        assertThat(repeat).isEqualTo(first);
        TestTree.asAdmin().body(good).post("/api/commissions/sales").then().statusCode(409);
        assertThat(tree.count("SELECT count(*) FROM sale WHERE order_id = ?", order)).isEqualTo(1);
        assertThat(tree.count("SELECT count(*) FROM outbox_log WHERE type = 'order.completed' AND aggregate_id = ?",
                order.toString())).isEqualTo(1);
        assertThat(tree.count("SELECT count(*) FROM outbox_log WHERE type = 'admin.action-performed' AND aggregate_id = ?",
                order.toString())).isEqualTo(1);

        TestTree.asAdmin().body(Map.of("amount", "0", "commissionableVolume", "1.00"))
                .post("/api/commissions/sales/{id}/refunds", order).then().statusCode(400);
        TestTree.asAdmin().body(Map.of("amount", "5.00", "commissionableVolume", "10.01"))
                .post("/api/commissions/sales/{id}/refunds", order).then().statusCode(422)
                .body("errors[0].field", equalTo("commissionableVolume"));
        TestTree.as(seller.token()).body(Map.of("amount", "5.00", "commissionableVolume", "5.00"))
                .post("/api/commissions/sales/{id}/refunds", order).then().statusCode(403);
    }
}
