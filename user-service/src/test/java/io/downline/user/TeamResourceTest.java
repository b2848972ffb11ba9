package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.downline.user.TestMembers.Registered;
import io.downline.user.domain.Period;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class TeamResourceTest {

    private static final String ROOT = TestMembers.ROOT_REFERRAL_CODE;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates a team led by the token's member and returns its id. */
    static UUID createTeam(String token, String name) {
        return UUID.fromString(as(token).body(Map.of("name", name))
                .when().post("/api/teams")
                .then().statusCode(201)
                .extract().path("id"));
    }

    static void addMember(String token, UUID teamId, UUID memberId) {
        as(token).body(Map.of("memberId", memberId.toString()))
                .when().post("/api/teams/{id}/members", teamId)
                .then().statusCode(201);
    }

    /** Changes a member's status through the admin API: activate, suspend, reinstate or terminate. */
    static void changeStatus(UUID memberId, String action) {
        as(TestMembers.adminToken()).body(Map.of("reason", "test " + action))
                .when().post("/api/members/{id}/{action}", memberId, action)
                .then().statusCode(200);
    }

    private static List<EventEnvelope> adminActionsOn(EventLog users, UUID entityId) {
        return users.drain(EventType.ADMIN_ACTION_PERFORMED, e -> e.subject().equals(entityId.toString()),
                Duration.ofMillis(500));
    }

    @Test
    void aMemberCreatesATeamTheyLead() {
        Registered leader = TestMembers.registerActive(ROOT);
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            UUID teamId = createTeam(leader.token(), "  Alpha Squad ");

            TeamCreated created = users.await(EventType.TEAM_CREATED, teamId).payload(TeamCreated.class);
            assertThat(created.leaderId()).isEqualTo(leader.id());
            assertThat(created.name()).isEqualTo("Alpha Squad");
            assertThat(adminActionsOn(users, teamId)).as("a leader acting on their own team is no admin action").isEmpty();

            as(leader.token()).when().get("/api/teams/{id}", teamId)
                    .then().statusCode(200)
                    .body("name", equalTo("Alpha Squad"))
                    .body("leaderId", equalTo(leader.id().toString()))
                    .body("members", empty())
                    .body("performance.period", equalTo(Period.of(clock.instant()).toString()))
                    .body("performance.memberCount", equalTo(0))
                    .body("performance.activeMembers", equalTo(0))
                    .body("performance.salesVolume", equalTo("0.00"))
                    .body("performance.lastPeriodSalesVolume", equalTo("0.00"))
                    .body("performance.lastCloseVolume", nullValue())
                    .body("performance.target", nullValue())
                    .body("performance.progressPercent", nullValue())
                    .body("performance.leaderRank", equalTo("MEMBER"));
        }
    }

    @Test
    void teamNamesAreUniquePerLeaderIgnoringCase() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered other = TestMembers.registerActive(ROOT);
        createTeam(leader.token(), "Bravo");

        as(leader.token()).body(Map.of("name", "bravo")).when().post("/api/teams")
                .then().statusCode(409).contentType("application/problem+json");
        createTeam(other.token(), "Bravo");
    }

    @Test
    void invalidBodiesAreRefusedWithTheirFields() {
        Registered leader = TestMembers.registerActive(ROOT);
        as(leader.token()).body(Map.of("name", " ")).when().post("/api/teams")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        as(leader.token()).body(Map.of("name", "x".repeat(101))).when().post("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        as(leader.token()).body(Map.of("name", "Ok", "colour", "red")).when().post("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("colour"));
        as(leader.token()).body(Map.of("name", "Ok", "leaderId", "not-a-uuid")).when().post("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("leaderId"));
        UUID teamId = createTeam(leader.token(), "Charlie");
        as(leader.token()).body(Map.of()).when().post("/api/teams/{id}/members", teamId)
                .then().statusCode(400).body("errors.field", hasItem("memberId"));
    }

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Delta")).when().post("/api/teams")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/teams").then().statusCode(401);
        given().when().get("/api/teams/{id}", UUID.randomUUID()).then().statusCode(401);
        given().when().delete("/api/teams/{id}/members/{memberId}", UUID.randomUUID(), UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void onlyAnAdminMayCreateATeamForAnotherLeaderAndThatIsAudited() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered someoneElse = TestMembers.registerActive(ROOT);
        as(someoneElse.token()).body(Map.of("name", "Echo", "leaderId", leader.id().toString()))
                .when().post("/api/teams")
                .then().statusCode(403).contentType("application/problem+json");
        as(TestMembers.adminToken()).body(Map.of("name", "Echo")).when().post("/api/teams")
                .then().statusCode(422).body("errors.field", hasItem("leaderId"));

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            UUID teamId = UUID.fromString(as(TestMembers.adminToken())
                    .body(Map.of("name", "Echo", "leaderId", leader.id().toString()))
                    .when().post("/api/teams")
                    .then().statusCode(201)
                    .body("leaderId", equalTo(leader.id().toString()))
                    .extract().path("id"));

            users.await(EventType.TEAM_CREATED, teamId);
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED, teamId)
                    .payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("team.create");
            assertThat(audit.actor()).isEqualTo(TestMembers.ADMIN_SUBJECT);
            assertThat(audit.after().get("leaderId").asText()).isEqualTo(leader.id().toString());
        }
    }

    @Test
    void theLeaderAddsMembersOfTheirDownline() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered child = TestMembers.registerActive(leader.referralCode());
        Registered grandchild = TestMembers.register(child.referralCode());
        UUID teamId = createTeam(leader.token(), "Foxtrot");

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            as(leader.token()).body(Map.of("memberId", child.id().toString()))
                    .when().post("/api/teams/{id}/members", teamId)
                    .then().statusCode(201)
                    .body("memberId", equalTo(child.id().toString()))
                    .body("status", equalTo("ACTIVE"));
            addMember(leader.token(), teamId, grandchild.id());

            List<EventEnvelope> added = users.awaitCount(EventType.TEAM_MEMBER_ADDED,
                    e -> e.subject().equals(teamId.toString()), 2, Duration.ofSeconds(15));
            assertThat(added).extracting(e -> e.payload(TeamMemberAdded.class).memberId())
                    .containsExactly(child.id(), grandchild.id());
            assertThat(adminActionsOn(users, teamId)).isEmpty();
        }

        as(leader.token()).body(Map.of("memberId", child.id().toString()))
                .when().post("/api/teams/{id}/members", teamId)
                .then().statusCode(409).contentType("application/problem+json");
        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200)
                .body("members.memberId", containsInAnyOrder(child.id().toString(), grandchild.id().toString()))
                .body("performance.memberCount", equalTo(2))
                .body("performance.activeMembers", equalTo(1));
    }

    @Test
    void onlyLiveMembersOfTheLeadersDownlineMayJoin() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered sibling = TestMembers.registerActive(ROOT);
        Registered child = TestMembers.registerActive(leader.referralCode());
        UUID teamId = createTeam(leader.token(), "Golf");
        changeStatus(child.id(), "terminate");

        for (UUID outsider : List.of(sibling.id(), leader.id(), child.id(), UUID.randomUUID())) {
            as(leader.token()).body(Map.of("memberId", outsider.toString()))
                    .when().post("/api/teams/{id}/members", teamId)
                    .then().statusCode(422).contentType("application/problem+json");
        }
        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200).body("performance.memberCount", equalTo(0));
    }

    @Test
    void teamsAreSeenByTheirPeopleAndManagedByTheirLeader() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered member = TestMembers.registerActive(leader.referralCode());
        Registered outsider = TestMembers.registerActive(ROOT);
        UUID teamId = createTeam(leader.token(), "Hotel");
        addMember(leader.token(), teamId, member.id());

        as(member.token()).when().get("/api/teams/{id}", teamId).then().statusCode(200);
        as(Tokens.of("auditor-subject", "auditor")).when().get("/api/teams/{id}", teamId).then().statusCode(200);
        as(outsider.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(403).contentType("application/problem+json");
        as(member.token()).body(Map.of("memberId", member.id().toString()))
                .when().post("/api/teams/{id}/members", teamId)
                .then().statusCode(403);
        as(member.token()).body(Map.of("volume", "10")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(403);
        as(outsider.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, member.id())
                .then().statusCode(403);

        // Access before existence: to a member an unknown team looks like someone else's; staff get 404.
        UUID unknown = UUID.randomUUID();
        as(leader.token()).when().get("/api/teams/{id}", unknown)
                .then().statusCode(403).contentType("application/problem+json");
        as(leader.token()).body(Map.of("memberId", member.id().toString()))
                .when().post("/api/teams/{id}/members", unknown)
                .then().statusCode(403);
        as(TestMembers.adminToken()).when().get("/api/teams/{id}", unknown)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminAddingToSomeonesTeamIsAudited() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered child = TestMembers.registerActive(leader.referralCode());
        UUID teamId = createTeam(leader.token(), "India");

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            addMember(TestMembers.adminToken(), teamId, child.id());

            users.await(EventType.TEAM_MEMBER_ADDED, teamId);
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED, teamId)
                    .payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("team.member-add");
            assertThat(audit.actor()).isEqualTo(TestMembers.ADMIN_SUBJECT);
            assertThat(audit.entityType()).isEqualTo("team");
            assertThat(audit.before()).isNull();
            assertThat(audit.after().get("memberId").asText()).isEqualTo(child.id().toString());
            assertThat(audit.service()).isEqualTo("user-service");
        }
    }

    @Test
    void membersAreRemovedByTheLeaderOrLeaveThemselves() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered first = TestMembers.registerActive(leader.referralCode());
        Registered second = TestMembers.registerActive(leader.referralCode());
        UUID teamId = createTeam(leader.token(), "Juliett");
        addMember(leader.token(), teamId, first.id());
        addMember(leader.token(), teamId, second.id());

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            as(leader.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, first.id())
                    .then().statusCode(204);
            as(second.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, second.id())
                    .then().statusCode(204);

            List<EventEnvelope> removed = users.awaitCount(EventType.TEAM_MEMBER_REMOVED,
                    e -> e.subject().equals(teamId.toString()), 2, Duration.ofSeconds(15));
            assertThat(removed).extracting(e -> e.payload(TeamMemberRemoved.class).memberId())
                    .containsExactly(first.id(), second.id());
        }
        as(leader.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, first.id())
                .then().statusCode(404).contentType("application/problem+json");
        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200).body("members", empty());
    }

    @Test
    void theLeaderSetsThePeriodsTarget() {
        Registered leader = TestMembers.registerActive(ROOT);
        UUID teamId = createTeam(leader.token(), "Kilo");

        as(leader.token()).body(Map.of("volume", "250.50")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(200)
                .body("performance.target", equalTo("250.50"))
                .body("performance.progressPercent", equalTo("0.00"));
        as(leader.token()).body("{\"volume\": 1000}").when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(200).body("performance.target", equalTo("1000.00"));

        for (Object invalid : List.of("-1", "12.345", "lots")) {
            as(leader.token()).body(Map.of("volume", invalid)).when().put("/api/teams/{id}/target", teamId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("volume"));
        }
        as(leader.token()).body(Map.of()).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(400).body("errors.field", hasItem("volume"));

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            as(TestMembers.adminToken()).body(Map.of("volume", "500")).when().put("/api/teams/{id}/target", teamId)
                    .then().statusCode(200).body("performance.target", equalTo("500.00"));
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED, teamId)
                    .payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("team.target-set");
            assertThat(audit.before().get("target").asText()).isEqualTo("1000.00");
            assertThat(audit.after().get("target").asText()).isEqualTo("500.00");
        }
    }

    @Test
    void membersListTheTeamsTheyLeadOrBelongToAndAdminsListAll() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered member = TestMembers.registerActive(leader.referralCode());
        Registered outsider = TestMembers.registerActive(ROOT);
        UUID ledByLeader = createTeam(leader.token(), "Lima");
        addMember(leader.token(), ledByLeader, member.id());
        UUID ledByMember = createTeam(member.token(), "Mike");
        UUID ledByOutsider = createTeam(outsider.token(), "November");

        as(member.token()).when().get("/api/teams")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(ledByLeader.toString(), ledByMember.toString()))
                .body("total", equalTo(2));
        as(leader.token()).when().get("/api/teams")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(ledByLeader.toString()))
                .body("items[0].memberCount", equalTo(1));
        as(member.token()).queryParam("leaderId", leader.id()).when().get("/api/teams")
                .then().statusCode(200).body("items.id", containsInAnyOrder(ledByLeader.toString()));
        as(TestMembers.adminToken()).queryParam("leaderId", outsider.id()).when().get("/api/teams")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(ledByOutsider.toString()))
                .body("page", equalTo(0));
        as(TestMembers.adminToken()).queryParam("size", 1).when().get("/api/teams")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));

        as(member.token()).queryParam("size", 0).when().get("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        as(member.token()).queryParam("size", 101).when().get("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        as(member.token()).queryParam("page", -1).when().get("/api/teams")
                .then().statusCode(400).body("errors.field", hasItem("page"));
    }

    @Test
    void aTerminatedLeaderNeitherRunsNorBrowsesTheirTeam() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered child = TestMembers.registerActive(leader.referralCode());
        Registered grandchild = TestMembers.registerActive(child.referralCode());
        UUID teamId = createTeam(leader.token(), "Oscar");
        addMember(leader.token(), teamId, child.id());
        changeStatus(leader.id(), "terminate");

        as(leader.token()).body(Map.of("memberId", grandchild.id().toString()))
                .when().post("/api/teams/{id}/members", teamId)
                .then().statusCode(403).contentType("application/problem+json");
        as(leader.token()).body(Map.of("volume", "100")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(403).contentType("application/problem+json");
        as(leader.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, child.id())
                .then().statusCode(403);
        as(leader.token()).body(Map.of("name", "Papa")).when().post("/api/teams")
                .then().statusCode(403);
        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(403).contentType("application/problem+json");
        as(leader.token()).when().get("/api/teams").then().statusCode(403);

        as(TestMembers.adminToken()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200)
                .body("members.memberId", containsInAnyOrder(child.id().toString()))
                .body("performance.target", nullValue());
        as(TestMembers.adminToken()).queryParam("leaderId", leader.id()).when().get("/api/teams")
                .then().statusCode(200).body("items.id", containsInAnyOrder(teamId.toString()));
    }

    @Test
    void aSuspendedMemberSeesTheirTeamAgainOnlyWhenReinstated() {
        Registered leader = TestMembers.registerActive(ROOT);
        Registered member = TestMembers.registerActive(leader.referralCode());
        UUID teamId = createTeam(leader.token(), "Quebec");
        addMember(leader.token(), teamId, member.id());

        changeStatus(member.id(), "suspend");
        as(member.token()).when().get("/api/teams/{id}", teamId).then().statusCode(403);
        as(member.token()).when().delete("/api/teams/{id}/members/{memberId}", teamId, member.id())
                .then().statusCode(403);

        changeStatus(member.id(), "reinstate");
        as(member.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200).body("members.memberId", containsInAnyOrder(member.id().toString()));
    }

    @Test
    void theTargetBelongsToThePeriodOfTheClock() {
        Registered leader = TestMembers.registerActive(ROOT);
        UUID teamId = createTeam(leader.token(), "Romeo");
        String thisPeriod = Period.of(clock.instant()).toString();
        as(leader.token()).body(Map.of("volume", "100")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(200)
                .body("performance.period", equalTo(thisPeriod))
                .body("performance.target", equalTo("100.00"));

        Instant now = clock.instant();
        YearMonth next = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1);
        Instant earlyNextMonth = next.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(1));
        clock.advance(Duration.between(now, earlyNextMonth));

        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200)
                .body("performance.period", equalTo(next.toString()))
                .body("performance.target", nullValue())
                .body("performance.progressPercent", nullValue());
        as(leader.token()).body(Map.of("volume", "200")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(200)
                .body("performance.period", equalTo(next.toString()))
                .body("performance.target", equalTo("200.00"));

        clock.reset();
        as(leader.token()).when().get("/api/teams/{id}", teamId)
                .then().statusCode(200)
                .body("performance.period", equalTo(thisPeriod))
                .body("performance.target", equalTo("100.00"));
    }
}
