package io.downline.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;


import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * docs/compensation-plan.md, example 3: the close of a period for Ana and her four legs, its events, its
 * repetition after a re-open (same inputs, same hash) and the diff when an input changed.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PeriodCloseTest {

    private static final String PERIOD = "2025-03";

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void example3ClosesAnaAtGoldAndARepeatedCloseIsIdenticalUntilAnInputChanges() throws Exception {
        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member ana = tree.member(root);
        Member ben = tree.member(ana);
        Member chloe = tree.member(ana);
        Member dev = tree.member(ana);
        Member eli = tree.member(ana);
        Member ben1 = tree.member(ben);
        Member ben2 = tree.member(ben);
        Member ben3 = tree.member(ben);
        Member chloe1 = tree.member(chloe);
        Member eli1 = tree.member(eli);
        clock.freezeAt(Instant.parse("2025-03-15T10:00:00Z"));
        for (Object[] sale : new Object[][] { { ana, "150.00" }, { ben, "120.00" }, { ben1, "500.00" }, { ben2, "450.00" },
                { ben3, "80.00" }, { chloe, "60.00" }, { chloe1, "3000.00" }, { dev, "40.00" }, { eli, "90.00" },
                { eli1, "700.00" } }) {
            TestTree.sale((Member) sale[0], (String) sale[1], clock.instant());
        }

        clock.freezeAt(Instant.parse("2025-04-01T00:30:00Z"));
        close("2025-04").statusCode(422).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(ana.token()).post("/api/commissions/periods/{p}/close", PERIOD).then().statusCode(403);
        given().post("/api/commissions/periods/{p}/close", PERIOD).then().statusCode(401);
        close("2025-13").statusCode(400);

        String firstHash;
        try (EventLog commissions = EventLog.tail(Topics.COMMISSIONS)) {
            JsonPath closed = close(PERIOD).statusCode(200).body("summary.status", equalTo("CLOSED"))
                    .body("summary.closes", equalTo(1)).body("previousHash", equalTo(null))
                    .body("timings.computeMs", notNullValue()).extract().jsonPath();
            firstHash = closed.getString("summary.resultHash");
            assertThat(firstHash).hasSize(64);

            EventEnvelope anaVolume = commissions.await(EventType.TEAM_VOLUME_UPDATED, ana.id());
            assertThat(anaVolume.payload(TeamVolumeUpdated.class).personalVolume()).isEqualByComparingTo("150.00");
            assertThat(anaVolume.payload(TeamVolumeUpdated.class).groupVolume()).isEqualByComparingTo("5190.00");
            assertThat(anaVolume.payload(TeamVolumeUpdated.class).period()).isEqualTo(PERIOD);
            MemberRankChanged anaRank = commissions.await(EventType.MEMBER_RANK_CHANGED, ana.id())
                    .payload(MemberRankChanged.class);
            assertThat(anaRank.previousRank()).isEqualTo("MEMBER");
            assertThat(anaRank.newRank()).isEqualTo("GOLD");
            assertThat(commissions.await(EventType.MEMBER_RANK_CHANGED, ben.id()).payload(MemberRankChanged.class)
                    .newRank()).isEqualTo("SILVER");
            for (Member bronze : List.of(ben1, ben2, chloe1, eli1)) {
                assertThat(commissions.await(EventType.MEMBER_RANK_CHANGED, bronze.id())
                        .payload(MemberRankChanged.class).newRank()).isEqualTo("BRONZE");
            }
            PeriodClosed periodClosed = commissions.await(EventType.PERIOD_CLOSED, PERIOD).payload(PeriodClosed.class);
            assertThat(periodClosed.totalVolume()).isGreaterThanOrEqualTo(new java.math.BigDecimal("5190.00"));
        }
        assertThat(tree.count("SELECT count(*) FROM outbox_log WHERE type = 'member.rank-changed' AND aggregate_id IN (?, ?, ?)",
                chloe.id().toString(), dev.id().toString(), eli.id().toString())).isZero();
        assertThat(tree.decimal("SELECT count(*) FROM close_member WHERE period = ? AND member_id = ? AND rank = 'GOLD'"
                + " AND gv = 5190 AND qualified_sponsored = 3", PERIOD, ana.id())).isEqualByComparingTo("1");

        close(PERIOD).statusCode(409);
        TestTree.asAdmin().get("/api/commissions/periods/{p}", PERIOD).then().statusCode(200)
                .body("resultHash", equalTo(firstHash)).body("rankCounts.GOLD", notNullValue());

        reopen().statusCode(200).body("status", equalTo("REOPENED"));
        reopen().statusCode(409);
        close(PERIOD).statusCode(200).body("identical", equalTo(true)).body("changed", equalTo(0))
                .body("previousHash", equalTo(firstHash)).body("summary.resultHash", equalTo(firstHash))
                .body("summary.closes", equalTo(2));

        reopen().statusCode(200);
        TestTree.sale(eli1, "300.00", Instant.parse("2025-03-20T10:00:00Z"));
        JsonPath diff = close(PERIOD).statusCode(200).body("identical", equalTo(false)).extract().jsonPath();
        assertThat(diff.getInt("changed")).isEqualTo(4); // Eli-1's PV; Eli's, Ana's and the root's GV
        Map<String, Object> eli1Change = diff.getMap("changes.find { it.memberId == '" + eli1.id() + "' }");
        assertThat(eli1Change).containsEntry("pvBefore", "700.00").containsEntry("pvAfter", "1000.00")
                .containsEntry("rankBefore", "BRONZE").containsEntry("rankAfter", "BRONZE");
        Map<String, Object> anaChange = diff.getMap("changes.find { it.memberId == '" + ana.id() + "' }");
        assertThat(anaChange).containsEntry("gvBefore", "5190.00").containsEntry("gvAfter", "5490.00");

        // Preview: a draft where BRONZE needs PV 1,000 pays the same lines here, but Ben-1 and Ben-2 lose BRONZE.
        String draft = defaultPlan().replace("{\"rank\": \"BRONZE\", \"paysLevels\": 3, \"personalVolume\": \"100.00\"}",
                "{\"rank\": \"BRONZE\", \"paysLevels\": 3, \"personalVolume\": \"1000.00\"}");
        int version = TestTree.asAdmin().body(draft).post("/api/commissions/plans").then().statusCode(201)
                .extract().path("version");
        JsonPath preview = TestTree.asAdmin().get("/api/commissions/plans/{v}/preview?period={p}", version, PERIOD)
                .then().statusCode(200).body("difference", equalTo("0.00")).body("rankChanges", equalTo(2))
                .body("paidNow", equalTo(diffPaid(tree))).extract().jsonPath();
        assertThat(preview.getList("members.memberId")).contains(ben1.id().toString(), ben2.id().toString());
        assertThat(preview.getString("members.find { it.memberId == '" + ben1.id() + "' }.rankByDraft")).isEqualTo("MEMBER");
        given().auth().oauth2(ana.token()).get("/api/commissions/plans/{v}/preview?period={p}", version, PERIOD)
                .then().statusCode(403);
        TestTree.asAdmin().get("/api/commissions/plans/{v}/preview?period=2024-01", version).then().statusCode(409);
    }

    private static String diffPaid(TestTree tree) throws Exception {
        return tree.decimal("SELECT coalesce(sum(remaining), 0) FROM commission_line WHERE period = ?", PERIOD).toPlainString();
    }

    private static String defaultPlan() throws java.io.IOException {
        try (java.io.InputStream in = io.downline.commission.domain.PlanDocument.class.getResourceAsStream("default-plan.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static io.restassured.response.ValidatableResponse close(String period) {
        return given().auth().oauth2(Tokens.admin(TestTree.ADMIN)).post("/api/commissions/periods/{p}/close", period).then();
    }

    private static io.restassured.response.ValidatableResponse reopen() {
        return given().auth().oauth2(Tokens.admin(TestTree.ADMIN)).post("/api/commissions/periods/{p}/reopen", PERIOD).then();
    }

}
