package io.downline.commission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.commission.domain.PlanDocument;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Plan versions: the default plan from the migration, drafts refused field by field, activation from an instant. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PlanAdminTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theMigrationLoadsTheDefaultPlanAsVersion1() throws IOException {
        Member member = new TestTree(dataSource).member(null);
        given().auth().oauth2(member.token()).get("/api/commissions/plans/1").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("plan.levels[0].rate", equalTo("0.10"))
                .body("plan.holdDays", equalTo(14)).body("plan.payoutCap", equalTo("0.21"));
        given().get("/api/commissions/plans").then().statusCode(401);
    }

    @Test
    void anInvalidPlanIsRefusedWithEveryOffendingField() throws IOException {
        String bad = defaultPlan().replace("\"rate\": \"0.10\"", "\"rate\": \"0.95\"").replace("{\"level\": 3,", "{\"level\": 7,")
                .replace("\"rank\": \"SILVER\"}", "\"rank\": \"GOLDISH\"}");
        TestTree.asAdmin().body(bad).post("/api/commissions/plans").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItems("plan.ranks[4].legs.rank"));
        String overpaying = defaultPlan().replace("\"rate\": \"0.10\"", "\"rate\": \"0.95\"").replace("{\"level\": 3,", "{\"level\": 7,");
        TestTree.asAdmin().body(overpaying).post("/api/commissions/plans").then().statusCode(422)
                .body("errors.field", hasItems("plan.levels[2].level", "plan.levels"));
        TestTree.as(new TestTree(dataSource).member(null).token()).body(defaultPlan())
                .post("/api/commissions/plans").then().statusCode(403);
    }

    @Test
    void anActivatedVersionComputesTheSalesProcessedFromItsInstant() throws IOException {
        String sevenDayHold = defaultPlan().replace("\"holdDays\": 14", "\"holdDays\": 7");
        int version = TestTree.asAdmin().body(sevenDayHold).post("/api/commissions/plans").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("version");

        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        clock.freezeAt(start);
        TestTree.asAdmin().body(Map.of("activeFrom", start.minusSeconds(1).toString()))
                .post("/api/commissions/plans/{v}/activate", version).then().statusCode(422)
                .body("errors[0].field", equalTo("activeFrom"));
        TestTree.asAdmin().body(Map.of("activeFrom", start.plusSeconds(60).toString()))
                .post("/api/commissions/plans/{v}/activate", version).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        TestTree.asAdmin().body(Map.of("activeFrom", start.plusSeconds(60).toString()))
                .post("/api/commissions/plans/{v}/activate", version).then().statusCode(409);

        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member sponsor = tree.member(root);
        Member seller = tree.member(sponsor);
        TestTree.sale(sponsor, "50.00", clock.instant());
        TestTree.asAdmin().body(TestTree.saleBody(UUID.randomUUID(), seller.id(), "10.00", "10.00", "USD", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(201).body("planVersion", equalTo(1));
        clock.advance(Duration.ofMinutes(2));
        UUID order = UUID.randomUUID();
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "10.00", "10.00", "USD", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(201).body("planVersion", equalTo(version));
        given().auth().oauth2(sponsor.token()).get("/api/commissions/members/{id}/lines", sponsor.id()).then()
                .statusCode(200).body("items[0].planVersion", equalTo(version))
                .body("items[0].releaseAt", equalTo("2030-01-08T00:02:00Z"));
    }

    private static String defaultPlan() throws IOException {
        try (InputStream in = PlanDocument.class.getResourceAsStream("default-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
