package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The tree used by each test, fresh under the root:
 *
 * <pre>
 * a ─┬─ b ── c ── d
 *    └─ e
 * </pre>
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class GenealogyTest {

    private Registered a;
    private Registered b;
    private Registered c;
    private Registered d;
    private Registered e;

    @BeforeEach
    void buildTree() {
        a = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        b = TestMembers.register(a.referralCode());
        c = TestMembers.register(b.referralCode());
        d = TestMembers.register(c.referralCode());
        e = TestMembers.register(a.referralCode());
    }

    @Test
    void uplineGoesFromTheSponsorToTheRootWithNamesOnlyForMembers() {
        List<Map<String, Object>> upline = given().auth().oauth2(d.token())
                .get("/api/members/{id}/upline", d.id())
                .then().statusCode(200).extract().path("");
        assertThat(upline).extracting(n -> n.get("id"))
                .startsWith(c.id().toString(), b.id().toString(), a.id().toString());
        assertThat(upline).extracting(n -> n.get("level")).startsWith(1, 2, 3, 4);
        assertThat(upline).hasSize(4); // c, b, a and the root
        assertThat(upline.get(3).get("sponsorId")).isNull();
        assertThat(upline.get(0)).doesNotContainKeys("email", "status");

        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/upline", d.id())
                .then().statusCode(200).body("[0].email", equalTo(c.subject() + "@example.com"));
    }

    @Test
    void aMemberSeesNobodyElsesUpline() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/upline", d.id()).then().statusCode(403);
        given().get("/api/members/{id}/upline", d.id()).then().statusCode(401);
    }

    @Test
    void downlineIsPagedLevelByLevelAndDepthLimited() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline", a.id())
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.level", equalTo(List.of(1, 1, 2, 3)))
                .body("items[0].email", nullValue());
        given().auth().oauth2(a.token()).queryParam("maxDepth", 1).get("/api/members/{id}/downline", a.id())
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
        given().auth().oauth2(a.token()).queryParam("size", 1).queryParam("page", 3)
                .get("/api/members/{id}/downline", a.id())
                .then().statusCode(200).body("items[0].id", equalTo(d.id().toString()));
        given().auth().oauth2(a.token()).queryParam("maxDepth", 0).get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("maxDepth"));
        given().auth().oauth2(a.token()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500)
                .get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(a.token()).queryParam("page", "two").get("/api/members/{id}/downline", a.id())
                .then().statusCode(400);
    }

    @Test
    void aMemberMayLookIntoTheirDownlineButNotAbove() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline", b.id())
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(b.token()).get("/api/members/{id}/downline", a.id()).then().statusCode(403);
        given().auth().oauth2(e.token()).get("/api/members/{id}/downline/levels", b.id()).then().statusCode(403);
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/downline", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void countsMembersPerLevelAndInAll() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline/levels", a.id())
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("levels.level", equalTo(List.of(1, 2, 3)))
                .body("levels.members", equalTo(List.of(2, 1, 1)));
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline/count", a.id())
                .then().statusCode(200).body("members", equalTo(4));
    }

    @Test
    void buildsANestedTreeToTheRequestedDepth() {
        given().auth().oauth2(a.token()).queryParam("depth", 2).get("/api/members/{id}/downline/tree", a.id())
                .then().statusCode(200)
                .body("root.member.id", equalTo(a.id().toString()))
                .body("root.children.member.id", equalTo(List.of(b.id().toString(), e.id().toString())))
                .body("root.children[0].children[0].member.id", equalTo(c.id().toString()))
                .body("root.children[0].children[0].children", nullValue())
                .body("nodes", equalTo(4))
                .body("truncated", equalTo(false));
        given().auth().oauth2(a.token()).queryParam("depth", 7).get("/api/members/{id}/downline/tree", a.id())
                .then().statusCode(400);
    }

    @Test
    void adminMovesAWholeSubtreeUnderANewSponsor() {
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("newSponsorId", e.id().toString(), "reason", "sponsor request #123"))
                    .put("/api/members/{id}/sponsor", b.id())
                    .then().statusCode(200)
                    .body("previousSponsorId", equalTo(a.id().toString()))
                    .body("movedMembers", equalTo(3));

            MemberSponsorChanged changed = users.await(EventType.MEMBER_SPONSOR_CHANGED, b.id())
                    .payload(MemberSponsorChanged.class);
            assertThat(changed.newSponsorId()).isEqualTo(e.id());
            assertThat(changed.movedMembers()).isEqualTo(3);
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED,
                    ev -> ev.subject().equals(b.id().toString())).payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("member.change-sponsor");
            assertThat(audit.before().get("sponsorId").asText()).isEqualTo(a.id().toString());
        }
        List<String> upline = given().auth().oauth2(d.token()).get("/api/members/{id}/upline", d.id())
                .then().statusCode(200).extract().path("id");
        assertThat(upline).startsWith(c.id().toString(), b.id().toString(), e.id().toString(), a.id().toString());
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline/levels", a.id())
                .then().body("levels.members", equalTo(List.of(1, 1, 1, 1)));
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/sponsor-history", b.id())
                .then().statusCode(200)
                .body("sponsorId", equalTo(List.of(a.id().toString(), e.id().toString())))
                .body("[0].validTo", org.hamcrest.Matchers.notNullValue())
                .body("[1].validTo", nullValue())
                .body("[1].reason", equalTo("sponsor request #123"));
    }

    @Test
    void refusesMovesThatWouldBreakTheTree() {
        String admin = TestMembers.adminToken();
        move(admin, a.id(), d.id(), 409); // under its own descendant: a cycle
        move(admin, b.id(), b.id(), 409); // under itself
        move(admin, b.id(), a.id(), 409); // already there
        move(admin, b.id(), UUID.randomUUID(), 404);
        String rootId = given().auth().oauth2(admin).get("/api/members/{id}/upline", a.id()).then().extract()
                .path("[0].id");
        move(admin, UUID.fromString(rootId), e.id(), 422);
        move(a.token(), d.id(), e.id(), 403); // members cannot move anyone
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("newSponsorId", e.id().toString()))
                .put("/api/members/{id}/sponsor", d.id())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void twoCrossingMovesCannotBuildACycle() {
        // b under e, and e under c (below b), at the same time: one of them must be refused.
        String admin = TestMembers.adminToken();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> moveStatus(admin, b.id(), e.id()));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> moveStatus(admin, e.id(), c.id()));
        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        // The tree is still a tree: every member still reaches the root.
        for (Registered member : List.of(b, c, d, e)) {
            List<Object> upline = given().auth().oauth2(admin).get("/api/members/{id}/upline", member.id())
                    .then().statusCode(200).extract().path("id");
            assertThat(upline).doesNotContain(member.id().toString()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private static void move(String token, UUID member, UUID newSponsor, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("newSponsorId", newSponsor.toString(), "reason", "test"))
                .put("/api/members/{id}/sponsor", member)
                .then().statusCode(status).contentType("application/problem+json");
    }

    private static int moveStatus(String token, UUID member, UUID newSponsor) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("newSponsorId", newSponsor.toString(), "reason", "race"))
                .put("/api/members/{id}/sponsor", member)
                .then().extract().statusCode();
    }
}
