package io.downline.user;

import static io.downline.user.TreeChecks.assertTreeConsistent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.Tokens;
import io.downline.user.TestMembers.Registered;
import io.downline.user.repository.SponsorTreeRepository;
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
 *
 * After every test the whole tree must still be consistent (every path is the sponsor's path plus the
 * member's own label).
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class GenealogyTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SponsorTreeRepository tree;

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

    @AfterEach
    void treeIsStillConsistent() {
        assertTreeConsistent();
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
    void accessIsDecidedBeforeExistenceIsRevealed() {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("upline", "downline", "downline/levels", "downline/count", "downline/tree")) {
            given().auth().oauth2(a.token()).get("/api/members/{id}/" + path, unknown)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/" + path, unknown)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        // A person with a valid token but no member profile learns nothing either.
        String stranger = Tokens.member("no-profile-" + UUID.randomUUID());
        given().auth().oauth2(stranger).get("/api/members/{id}/downline", unknown).then().statusCode(403);
        given().auth().oauth2(stranger).get("/api/members/{id}/downline", a.id()).then().statusCode(403);
    }

    @Test
    void unknownPathsUnderAMemberNeedATokenFirst() {
        given().get("/api/members/{id}/no-such-thing", a.id())
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().get("/api/members/{id}/downline/no-such-thing", UUID.randomUUID()).then().statusCode(401);
        given().delete("/api/members/{id}/upline", a.id()).then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/members/{id}/no-such-thing", a.id())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(a.token()).get("/api/members/{id}/no-such-thing", a.id())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void downlineIsPagedLevelByLevelWithAKeysetCursor() {
        var first = given().auth().oauth2(a.token()).queryParam("limit", 2)
                .get("/api/members/{id}/downline", a.id())
                .then().statusCode(200)
                .body("items.level", equalTo(List.of(1, 1)))
                .body("items.id", equalTo(List.of(b.id().toString(), e.id().toString())))
                .body("items[0].email", nullValue())
                .body("total", nullValue())
                .body("next", notNullValue())
                .extract();
        String next = first.path("next");
        given().auth().oauth2(a.token()).queryParam("limit", 2).queryParam("after", next)
                .get("/api/members/{id}/downline", a.id())
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(c.id().toString(), d.id().toString())))
                .body("items.level", equalTo(List.of(2, 3)))
                .body("next", nullValue());
        // A page that ends exactly at the last member says so: no next cursor.
        given().auth().oauth2(a.token()).queryParam("limit", 4).get("/api/members/{id}/downline", a.id())
                .then().statusCode(200).body("items", hasSize(4)).body("next", nullValue());
        given().auth().oauth2(a.token()).queryParam("maxDepth", 1).get("/api/members/{id}/downline", a.id())
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void downlineBoundsAreEnforced() {
        given().auth().oauth2(a.token()).queryParam("maxDepth", 0).get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("maxDepth"));
        given().auth().oauth2(a.token()).queryParam("maxDepth", 21).get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("maxDepth"));
        given().auth().oauth2(a.token()).queryParam("limit", 201).get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(a.token()).queryParam("after", "not-a-cursor").get("/api/members/{id}/downline", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().auth().oauth2(a.token()).queryParam("maxDepth", 1000).get("/api/members/{id}/downline/levels", a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("maxDepth"));
        given().auth().oauth2(a.token()).queryParam("limit", "two").get("/api/members/{id}/downline", a.id())
                .then().statusCode(400);
    }

    @Test
    void aMemberMayLookIntoTheirDownlineButNotAbove() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline", b.id())
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(b.token()).get("/api/members/{id}/downline", a.id()).then().statusCode(403);
        given().auth().oauth2(e.token()).get("/api/members/{id}/downline/levels", b.id()).then().statusCode(403);
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/downline", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aSuspendedMemberMayNotBrowseTheirDownline() {
        given().auth().oauth2(a.token()).get("/api/members/{id}/downline", a.id()).then().statusCode(200);
        changeStatus(a.id(), "suspend");
        for (String path : List.of("upline", "downline", "downline/levels", "downline/count", "downline/tree")) {
            given().auth().oauth2(a.token()).get("/api/members/{id}/" + path, a.id()).then().statusCode(403);
        }
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}/downline", a.id())
                .then().statusCode(200).body("items", hasSize(4));
    }

    @Test
    void downlineQueriesGiveUpAfterTheStatementTimeout() throws SQLException {
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("LOCK TABLE member IN ACCESS EXCLUSIVE MODE")) {
                lock.execute();
            }
            // The level count waits on the held lock until its statement timeout (3 s by default) cancels it.
            CompletableFuture<Object> count = CompletableFuture.supplyAsync(() -> tree.levelCounts(a.id(), 20));
            try {
                assertThat(count).failsWithin(Duration.ofSeconds(15)).withThrowableOfType(ExecutionException.class)
                        .withCauseInstanceOf(BusinessRuleException.class)
                        .withMessageContaining("ask for fewer levels");
            } finally {
                held.rollback();
            }
        }
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
                .body("root.member.level", equalTo(0))
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
                .body("[0].validTo", notNullValue())
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
        move(admin, UUID.randomUUID(), a.id(), 404);
        String rootId = given().auth().oauth2(admin).get("/api/members/{id}/upline", a.id()).then().extract()
                .path("[0].id");
        move(admin, UUID.fromString(rootId), e.id(), 422);
        move(a.token(), d.id(), e.id(), 403); // members cannot move anyone
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("newSponsorId", e.id().toString()))
                .put("/api/members/{id}/sponsor", d.id())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void refusesASuspendedOrTerminatedNewSponsorAsRegistrationDoes() {
        String admin = TestMembers.adminToken();
        changeStatus(e.id(), "suspend");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("newSponsorId", e.id().toString(), "reason", "test"))
                .put("/api/members/{id}/sponsor", d.id())
                .then().statusCode(422).body("errors[0].field", equalTo("newSponsorId"));
        changeStatus(e.id(), "terminate");
        move(admin, d.id(), e.id(), 422);
        given().auth().oauth2(admin).get("/api/members/{id}/upline", d.id())
                .then().statusCode(200).body("[0].id", equalTo(c.id().toString()));
    }

    @Test
    void twoCrossingMovesCannotBuildACycle() throws SQLException {
        // b under e, and e under c (below b), at the same time: one of them must be refused. The test holds the
        // moves' lock, so both requests are provably in flight together before either may go on.
        String admin = TestMembers.adminToken();
        CompletableFuture<Integer> first;
        CompletableFuture<Integer> second;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, SponsorTreeRepository.MOVE_LOCK);
                lock.execute();
            }
            first = CompletableFuture.supplyAsync(() -> moveStatus(admin, b.id(), e.id()));
            second = CompletableFuture.supplyAsync(() -> moveStatus(admin, e.id(), c.id()));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> LockWaits.count(dataSource, "%pg_advisory_xact_lock%") == 2);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            held.commit();
        }
        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        assertTreeConsistent();
        for (Registered member : List.of(b, c, d, e)) {
            List<Object> upline = given().auth().oauth2(admin).get("/api/members/{id}/upline", member.id())
                    .then().statusCode(200).extract().path("id");
            assertThat(upline).doesNotContain(member.id().toString()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private static void changeStatus(UUID member, String action) {
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .post("/api/members/{id}/" + action, member)
                .then().statusCode(200);
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
