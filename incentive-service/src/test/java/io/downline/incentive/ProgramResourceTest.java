package io.downline.incentive;

import static io.downline.incentive.Fixtures.ADMIN;
import static io.downline.incentive.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.incentive.Fixtures.Member;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.incentives.IncentiveProgramPublished;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what with programs, and every kind of bad input refused with nothing changed. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ProgramResourceTest {

    private static final String PROGRAMS = "/api/incentives/programs";

    @Test
    void anAdminWritesPublishesAndIsAudited() {
        try (EventLog incentives = EventLog.tail(Topics.INCENTIVES)) {
            UUID id = Fixtures.create(Fixtures.program("Audited"));
            Map<String, Object> changed = new HashMap<>(Fixtures.program("Audited, renamed"));
            as(ADMIN).body(changed).put(PROGRAMS + "/{id}", id).then().statusCode(200)
                    .body("name", equalTo("Audited, renamed")).body("tiers[1].reward.item", equalTo("Weekend in Porto for two"))
                    .body("tiers[0].reward.cash.amount", equalTo("100.00"));
            as(ADMIN).post(PROGRAMS + "/{id}/publish", id).then().statusCode(200).body("status", equalTo("PUBLISHED"));

            IncentiveProgramPublished published = incentives.await(EventType.INCENTIVE_PROGRAM_PUBLISHED, id)
                    .payload(IncentiveProgramPublished.class);
            assertThat(published.name()).isEqualTo("Audited, renamed");
            assertThat(published.criteria()).extracting(c -> c.metric()).containsExactly("PERSONAL_VOLUME");
            List<String> actions = incentives.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(id.toString()), 3, java.time.Duration.ofSeconds(15)).stream()
                    .map(e -> e.payload(AdminActionPerformed.class).action()).toList();
            assertThat(actions).containsExactly("incentive-program.create", "incentive-program.update",
                    "incentive-program.publish");

            // A published program's rules do not change; it is not published twice.
            as(ADMIN).body(changed).put(PROGRAMS + "/{id}", id).then().statusCode(409);
            as(ADMIN).post(PROGRAMS + "/{id}/publish", id).then().statusCode(409);
        }
    }

    @Test
    void rolesDecideWhoMayWrite() {
        given().contentType(ContentType.JSON).body(Fixtures.program("x")).post(PROGRAMS).then().statusCode(401);
        as(Tokens.member("sub-someone")).body(Fixtures.program("x")).post(PROGRAMS).then().statusCode(403);
        as(Tokens.of("auditor-1", "auditor")).body(Fixtures.program("x")).post(PROGRAMS).then().statusCode(403);
        as(Tokens.of("finance-1", "finance")).get(PROGRAMS).then().statusCode(403);
        as(Tokens.of("auditor-1", "auditor")).get(PROGRAMS).then().statusCode(200);
    }

    @Test
    void badShapesAreRefusedWithFieldErrors() {
        Map<String, Object> negative = Fixtures.program("Negative");
        negative.put("tiers", List.of(Map.of("name", "T", "criteria",
                List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "-5")), "reward", Map.of("type", "CASH", "cash", "1.00"))));
        refused(negative, 400, "tiers[0].criteria[0].target");

        Map<String, Object> unknownRank = Fixtures.program("Unknown rank");
        unknownRank.put("eligibility", Map.of("minimumRank", "EMPEROR"));
        refused(unknownRank, 400, "eligibility.minimumRank");

        Map<String, Object> unknownRankCriterion = Fixtures.program("Unknown rank criterion");
        unknownRankCriterion.put("tiers", List.of(Map.of("name", "T", "criteria",
                List.of(Map.of("metric", "RANK_REACHED", "rank", "CAPTAIN")), "reward", Map.of("type", "CASH", "cash", "1.00"))));
        refused(unknownRankCriterion, 400, "tiers[0].criteria[0].rank");

        Map<String, Object> noName = Fixtures.program("x");
        noName.remove("name");
        refused(noName, 400, "name");
    }

    @Test
    void brokenBusinessRulesAreRefusedAndNothingIsStored() {
        long before = staffTotal();
        refused(Fixtures.program("Backwards", Fixtures.today(), Fixtures.today().minusDays(1), "UTC", null), 422,
                "endDate");
        refused(Fixtures.program("Nowhere", Fixtures.today(), Fixtures.today(), "Atlantis/Capital", null), 422,
                "timeZone");
        Map<String, Object> outOfOrder = Fixtures.program("Out of order");
        @SuppressWarnings("unchecked")
        List<Object> tiers = (List<Object>) outOfOrder.get("tiers");
        outOfOrder.put("tiers", List.of(tiers.get(1), tiers.get(0)));
        refused(outOfOrder, 422, "tiers[1]");
        assertThat(staffTotal()).isEqualTo(before);
    }

    @Test
    void membersSeeOnlyPublishedProgramsOpenToThemAndOnlyTheirOwnProgress() {
        UUID draft = Fixtures.create(Fixtures.program("Secret draft"));
        Map<String, Object> portugalOnly = Fixtures.program("Portugal only");
        portugalOnly.put("eligibility", Map.of("countries", List.of("PT")));
        UUID portugal = Fixtures.published(portugalOnly);
        UUID everyone = Fixtures.published(Fixtures.program("Everyone"));
        Member dana = Fixtures.known(null);
        Member eve = Fixtures.known(null);

        as(dana.token()).get(PROGRAMS + "/{id}", draft).then().statusCode(404);
        as(dana.token()).get(PROGRAMS + "/{id}", UUID.randomUUID()).then().statusCode(404);
        as(dana.token()).get(PROGRAMS + "?size=100").then().statusCode(200)
                .body("items.id", hasItem(everyone.toString()))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(portugal.toString())))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(draft.toString())));
        as(dana.token()).get(PROGRAMS + "/{id}/progress/{m}", everyone, eve.id()).then().statusCode(403);
        // Access before existence: another member's progress in a program that does not exist is 403 too.
        as(dana.token()).get(PROGRAMS + "/{id}/progress/{m}", UUID.randomUUID(), eve.id()).then().statusCode(403);
        as(dana.token()).get(PROGRAMS + "/{id}/progress/{m}", everyone, dana.id()).then().statusCode(200)
                .body("eligible", equalTo(true));
        as(dana.token()).get(PROGRAMS + "/{id}/progress/me", portugal).then().statusCode(200)
                .body("eligible", equalTo(false));
        as(dana.token()).get(PROGRAMS + "/{id}/leaderboard?size=5000", everyone).then().statusCode(400);
        as(dana.token()).get(PROGRAMS + "/{id}/leaderboard?size=500", everyone).then().statusCode(422);
        as(dana.token()).post(PROGRAMS + "/{id}/close", everyone).then().statusCode(403);
        as(ADMIN).post(PROGRAMS + "/{id}/close", draft).then().statusCode(409);
        as(ADMIN).header("Idempotency-Key", "k-" + draft).post(PROGRAMS + "/{id}/awards", draft).then().statusCode(409);
        as(ADMIN).post(PROGRAMS + "/{id}/awards", draft).then().statusCode(400);
    }

    @Test
    void aSuspendedMemberMayNotReadProgress() {
        UUID program = Fixtures.published(Fixtures.program("Suspended"));
        Member frank = Fixtures.member("US", null, "SUSPENDED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                as(frank.token()).get(PROGRAMS + "/{id}/progress/me", program).then().statusCode(403));
    }

    private static long staffTotal() {
        return as(ADMIN).get(PROGRAMS + "?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        as(ADMIN).body(body).post(PROGRAMS).then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
