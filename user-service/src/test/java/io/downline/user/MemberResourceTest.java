package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.downline.user.TestMembers.Registered;
import io.downline.user.domain.ReferralCodes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class MemberResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> registration(String email, String referralCode) {
        return Map.of("email", email, "name", "Ada Lovelace", "phone", "+441234567890", "country", "GB",
                "referralCode", referralCode);
    }

    @Test
    void registersUnderTheSponsorAndPublishesMemberRegistered() {
        Registered sponsor = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        String subject = "sub-" + UUID.randomUUID();
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            var response = given().auth().oauth2(Tokens.member(subject)).contentType(ContentType.JSON)
                    .body(registration(subject + "@Example.com", sponsor.referralCode()))
                    .when().post("/api/members")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/members/"))
                    .body("email", equalTo(subject.toLowerCase(Locale.ROOT) + "@example.com"))
                    .body("status", equalTo("PENDING"))
                    .body("sponsorId", equalTo(sponsor.id().toString()))
                    .body("rank", equalTo("MEMBER"))
                    .body("referralCode", notNullValue())
                    .extract();
            UUID id = UUID.fromString(response.path("id"));
            assertThat(response.header("Location")).isEqualTo("/api/members/" + id);

            EventEnvelope event = users.await(EventType.MEMBER_REGISTERED, id);
            MemberRegistered payload = event.payload(MemberRegistered.class);
            assertThat(payload.sponsorId()).isEqualTo(sponsor.id());
            assertThat(payload.oidcSubject()).isEqualTo(subject);
            assertThat(payload.referralCode()).isEqualTo(response.path("referralCode"));
            assertThat(event.source()).isEqualTo("user-service");
        }
    }

    @Test
    void aRetriedRegistrationWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String subject = "sub-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = registration(subject + "@example.com", TestMembers.ROOT_REFERRAL_CODE);
        var first = given().auth().oauth2(Tokens.member(subject)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/members")
                .then().statusCode(201).extract();
        // Without the key the retry would be a 409 "already registered"; with it, the client gets its 201 again.
        var retry = given().auth().oauth2(Tokens.member(subject)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/members")
                .then().statusCode(201).extract();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        given().auth().oauth2(Tokens.member(subject)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/members")
                .then().statusCode(409);
    }

    private static Map<String, Object> registrationWithoutEmail(String referralCode) {
        return Map.of("name", "Ada Lovelace", "country", "GB", "referralCode", referralCode);
    }

    @Test
    void refusesRegistrationWithoutToken() {
        given().contentType(ContentType.JSON).body(registration("x@example.com", TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void refusesATokenNotSignedByTheProvider() {
        Registered alice = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        String[] parts = Tokens.member("sub-mallory").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("sub-mallory", alice.subject());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/members/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(alice.token()).when().get("/api/members/me").then().statusCode(200);
    }

    @Test
    void refusesInvalidFieldsWithFieldErrors() {
        given().auth().oauth2(Tokens.member("sub-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "name", "", "phone", "12345", "country", "XX",
                        "referralCode", "DOWNLINE"))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:downline:problem:validation"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("country"))
                .body("correlationId", notNullValue());
    }

    @Test
    void refusesMalformedJsonAndUnknownFields() {
        String token = Tokens.member("sub-" + UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/api/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:downline:problem:malformed-body"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.com", "name", "A", "country", "US", "referralCode", "DOWNLINE",
                        "isAdmin", true))
                .when().post("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("isAdmin"));
    }

    @Test
    void refusesAnUnknownReferralCode() {
        given().auth().oauth2(Tokens.member("sub-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(registrationWithoutEmail("NOSUCHCODE"))
                .when().post("/api/members")
                .then().statusCode(422)
                .body("errors[0].message", equalTo("no member has the referral code NOSUCHCODE"))
                .body("errors[0].field", equalTo("referralCode"));
    }

    @Test
    void drawsAnotherReferralCodeWhenTheDrawnOneIsTaken() {
        Registered holder = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        String fresh = new ReferralCodes().next();
        Deque<String> draws = new ArrayDeque<>(List.of(holder.referralCode(), TestMembers.ROOT_REFERRAL_CODE, fresh));
        QuarkusMock.installMockForType(new ReferralCodes() {
            @Override
            public String next() {
                return draws.removeFirst();
            }
        }, ReferralCodes.class);

        given().auth().oauth2(Tokens.member("sub-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(holder.referralCode()))
                .when().post("/api/members")
                .then().statusCode(201)
                .body("sponsorId", equalTo(holder.id().toString()))
                .body("referralCode", equalTo(fresh));
        assertThat(draws).isEmpty();
    }

    @Test
    void refusesASecondRegistrationOfTheSameLoginOrTheSameEmailWithoutNamingAnyone() {
        Registered first = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        String email = first.subject() + "@example.com";
        given().auth().oauth2(first.token()).contentType(ContentType.JSON)
                .body(registration(email, TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("You are already registered as member " + first.id()));
        // Another login of the same person (the email is verified, so it is theirs): told, but not by whom.
        String secondLogin = Tokens.withEmail("sub-" + UUID.randomUUID(), email.toUpperCase(Locale.ROOT), "member");
        var conflict = given().auth().oauth2(secondLogin).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(409).contentType("application/problem+json").extract();
        assertThat(conflict.<String>path("detail")).contains("already registered with another login")
                .doesNotContain(first.id().toString()).doesNotContain(first.subject());
    }

    @Test
    void registrationTakesTheEmailFromTheVerifiedTokenNotFromTheBody() {
        String subject = "sub-" + UUID.randomUUID();
        String own = "ada-" + UUID.randomUUID() + "@example.com";
        String token = Tokens.withEmail(subject, own, "member");
        String victim = "victim-" + UUID.randomUUID() + "@example.com";

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registration(victim, TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("must be the verified email address of your login"));
        given().auth().oauth2(TestMembers.adminToken()).queryParam("email", victim).get("/api/members")
                .then().statusCode(200).body("total", equalTo(0));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(201).body("email", equalTo(own));
    }

    @Test
    void anEmailTheEventContractRejectsIsRefusedByTheApi() {
        String subject = "sub-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.member(subject)).contentType(ContentType.JSON)
                .body(registration("ada@localhost", TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(Tokens.withEmail(subject, "ada@localhost", "member")).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(Tokens.member(subject)).get("/api/members/me").then().statusCode(404);
    }

    @Test
    void anUnverifiedOrMissingEmailClaimCannotRegister() {
        String subject = "sub-" + UUID.randomUUID();
        String unverified = Tokens.builder(subject).roles("member").emailVerified(false).sign();
        given().auth().oauth2(unverified).contentType(ContentType.JSON)
                .body(registration(subject + "@example.com", TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
        String noEmail = Tokens.builder(subject).roles("member").email(null).sign();
        given().auth().oauth2(noEmail).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                .when().post("/api/members")
                .then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(Tokens.member(subject)).get("/api/members/me").then().statusCode(404);
    }

    @Test
    void registrationNeedsTheMemberRole() {
        for (String role : new String[] { "admin", "auditor", "finance" }) {
            String subject = "sub-" + UUID.randomUUID();
            given().auth().oauth2(Tokens.of(subject, role)).contentType(ContentType.JSON)
                    .body(registration(subject + "@example.com", TestMembers.ROOT_REFERRAL_CODE))
                    .when().post("/api/members")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aStaffPersonWhoRegistersAsAMemberIsAudited() {
        String subject = "sub-" + UUID.randomUUID();
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            UUID id = UUID.fromString(given().auth().oauth2(Tokens.of(subject, "member", "finance"))
                    .contentType(ContentType.JSON).body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                    .when().post("/api/members")
                    .then().statusCode(201).extract().path("id"));
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED, id)
                    .payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("member.register");
            assertThat(audit.entityId()).isEqualTo(id.toString());
            assertThat(audit.before()).isNull();
            assertThat(audit.after().get("email").asText()).isEqualTo(subject + "@example.com");
        }
    }

    @Test
    void racingRegistrationsOfOneEmailGiveOneMemberAndConflicts() throws Exception {
        Registered sponsor = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        String email = "race-" + UUID.randomUUID() + "@example.com";
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            // Hold the sponsor's row: every registration under it waits here, so all four are in flight at once.
            lock.setAutoCommit(false);
            try (PreparedStatement forUpdate = lock.prepareStatement("SELECT 1 FROM member WHERE id = ? FOR UPDATE")) {
                forUpdate.setObject(1, sponsor.id());
                forUpdate.executeQuery().close();
            }
            for (int i = 0; i < 4; i++) {
                String token = Tokens.withEmail("sub-" + UUID.randomUUID(), email, "member");
                attempts.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body(registration(email, sponsor.referralCode()))
                        .post("/api/members").then().extract().statusCode()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> LockWaits.count(dataSource, "%referral_code%") >= 4);
            assertThat(attempts).noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        given().auth().oauth2(TestMembers.adminToken()).queryParam("email", email).get("/api/members")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesASponsorWhoIsSuspended() {
        Registered sponsor = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "chargebacks")).post("/api/members/{id}/suspend", sponsor.id())
                .then().statusCode(200);
        given().auth().oauth2(Tokens.member("sub-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(registrationWithoutEmail(sponsor.referralCode()))
                .when().post("/api/members")
                .then().statusCode(422)
                .body("detail", equalTo("The sponsor's account is suspended and cannot sponsor new members"));
    }

    @Test
    void aMemberReadsOnlyTheirOwnProfile() {
        Registered alice = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        Registered bob = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        given().auth().oauth2(alice.token()).get("/api/members/me").then().statusCode(200)
                .body("id", equalTo(alice.id().toString()));
        given().auth().oauth2(alice.token()).get("/api/members/{id}", alice.id()).then().statusCode(200);
        given().auth().oauth2(alice.token()).get("/api/members/{id}", bob.id()).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}", bob.id()).then().statusCode(200);
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.member("sub-never-registered")).get("/api/members/me").then().statusCode(404);
    }

    @Test
    void updatesOwnProfileAndPublishesTheChange() {
        Registered alice = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        Registered bob = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Alice Cooper", "country", "DE"))
                    .put("/api/members/{id}/profile", alice.id())
                    .then().statusCode(200).body("name", equalTo("Alice Cooper")).body("country", equalTo("DE"));
            MemberProfileUpdated payload = users.await(EventType.MEMBER_PROFILE_UPDATED, alice.id())
                    .payload(MemberProfileUpdated.class);
            assertThat(payload.name()).isEqualTo("Alice Cooper");
            assertThat(payload.phone()).isNull();
        }
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Hacked", "country", "DE"))
                .put("/api/members/{id}/profile", alice.id())
                .then().statusCode(403);
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Alice", "country", "DE", "phone", "0049"))
                .put("/api/members/{id}/profile", alice.id())
                .then().statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void adminSuspendsAndReinstatesWithAuditAndEvents() {
        Registered member = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "unpaid fees"))
                    .post("/api/members/{id}/suspend", member.id())
                    .then().statusCode(200).body("status", equalTo("SUSPENDED"));
            MemberSuspended suspended = users.await(EventType.MEMBER_SUSPENDED, member.id()).payload(MemberSuspended.class);
            assertThat(suspended.reason()).isEqualTo("unpaid fees");
            assertThat(suspended.actor()).isEqualTo(TestMembers.ADMIN_SUBJECT);

            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(member.id().toString())
                            && e.payload(AdminActionPerformed.class).action().equals("member.suspend"))
                    .payload(AdminActionPerformed.class);
            assertThat(audit.actor()).isEqualTo(TestMembers.ADMIN_SUBJECT);
            assertThat(audit.actorRoles()).contains("admin");
            assertThat(audit.service()).isEqualTo("user-service");
            assertThat(audit.before().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(audit.after().get("status").asText()).isEqualTo("SUSPENDED");
            assertThat(audit.clientAddress()).isNotBlank();
        }
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "fees paid"))
                .post("/api/members/{id}/reinstate", member.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "fees paid"))
                .post("/api/members/{id}/reinstate", member.id())
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void reinstatingReturnsAMemberToTheStatusTheSuspensionInterrupted() {
        Instant frozen = Instant.parse("2026-03-14T09:26:53Z");
        clock.freezeAt(frozen);
        Registered pending = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        Registered active = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        for (Registered member : List.of(pending, active)) {
            given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "review")).post("/api/members/{id}/suspend", member.id())
                    .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        }
        clock.advance(Duration.ofDays(3));

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "review done")).post("/api/members/{id}/reinstate", pending.id())
                    .then().statusCode(200).body("status", equalTo("PENDING"))
                    .body("updatedAt", equalTo(frozen.plus(Duration.ofDays(3)).toString()));
            MemberReinstated reinstated = users.await(EventType.MEMBER_REINSTATED, pending.id())
                    .payload(MemberReinstated.class);
            assertThat(reinstated.status()).isEqualTo("PENDING");
            assertThat(reinstated.occurredAt()).isEqualTo(frozen.plus(Duration.ofDays(3)));
        }
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "review done")).post("/api/members/{id}/reinstate", active.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        // Pending again means activation is still to come, and it works as for any pending member.
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "first order")).post("/api/members/{id}/activate", pending.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aSuspendedOrTerminatedMemberReadsTheirOwnProfileAndChangesNothing() {
        Registered suspended = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        Registered terminated = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        Registered other = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/members/{id}/suspend", suspended.id()).then().statusCode(200);
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/members/{id}/terminate", terminated.id()).then().statusCode(200);

        for (Registered member : List.of(suspended, terminated)) {
            given().auth().oauth2(member.token()).get("/api/members/me").then().statusCode(200)
                    .body("id", equalTo(member.id().toString()));
            given().auth().oauth2(member.token()).get("/api/members/{id}", member.id()).then().statusCode(200);
            given().auth().oauth2(member.token()).get("/api/members/{id}", other.id()).then().statusCode(403);
            given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Still Here", "country", "DE"))
                    .put("/api/members/{id}/profile", member.id())
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("suspended or terminated"));
            // The platform's filter refuses every change, also on endpoints that do not check standing themselves.
            given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Team of " + member.subject()))
                    .post("/api/teams").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                    .body(registrationWithoutEmail(TestMembers.ROOT_REFERRAL_CODE))
                    .post("/api/members").then().statusCode(403);
        }
        given().auth().oauth2(TestMembers.adminToken()).get("/api/members/{id}", suspended.id()).then()
                .statusCode(200).body("name", not(equalTo("Still Here")));
        // Staff act with their role: an admin still changes a suspended member's profile.
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed By Admin", "country", "DE"))
                .put("/api/members/{id}/profile", suspended.id())
                .then().statusCode(200).body("name", equalTo("Renamed By Admin"));
    }

    @Test
    void anAdminsProfileChangeIsAuditedAndAMembersOwnIsNot() {
        Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Own Change", "country", "DE"))
                    .put("/api/members/{id}/profile", member.id()).then().statusCode(200);
            given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Admin Change", "country", "FR"))
                    .put("/api/members/{id}/profile", member.id()).then().statusCode(200);

            users.awaitCount(EventType.MEMBER_PROFILE_UPDATED, e -> e.subject().equals(member.id().toString()), 2,
                    Duration.ofSeconds(15));
            List<AdminActionPerformed> audits = users.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(member.id().toString()), 1, Duration.ofSeconds(15)).stream()
                    .map(e -> e.payload(AdminActionPerformed.class)).toList();
            assertThat(audits).singleElement().satisfies(audit -> {
                assertThat(audit.action()).isEqualTo("member.update-profile");
                assertThat(audit.entityId()).isEqualTo(member.id().toString());
                assertThat(audit.before().get("name").asText()).isEqualTo("Own Change");
                assertThat(audit.after().get("name").asText()).isEqualTo("Admin Change");
            });
        }
    }

    @Test
    void statusChangesAreAdminOnlyAndNeedAReason() {
        Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "self"))
                .post("/api/members/{id}/terminate", member.id())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/members/{id}/terminate", member.id())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "fraud"))
                .post("/api/members/{id}/terminate", member.id())
                .then().statusCode(200).body("status", equalTo("TERMINATED"));
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/members/{id}/suspend", member.id())
                .then().statusCode(409);
        given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/members/{id}/terminate", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void adminSearchesMembersByEmailNameAndStatus() {
        Registered member = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        String fragment = member.subject().substring(4, 16);
        given().auth().oauth2(TestMembers.adminToken())
                .queryParam("email", fragment).queryParam("status", "active")
                .get("/api/members")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(member.id().toString()));
        given().auth().oauth2(TestMembers.adminToken()).queryParam("email", fragment).queryParam("status", "PENDING")
                .get("/api/members").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestMembers.adminToken()).queryParam("status", "SLEEPING").get("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestMembers.adminToken()).queryParam("size", 1000).get("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(member.token()).get("/api/members").then().statusCode(403);
    }

    @Test
    void everyResponseCarriesARequestIdAndSecurityHeaders() {
        var response = given().auth().oauth2(TestMembers.adminToken()).header("X-Request-Id", "test-request-0001")
                .get("/api/members/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .header("X-Request-Id", "test-request-0001")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .extract();
        assertThat(response.path("correlationId").toString()).isEqualTo("test-request-0001");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at io.");
    }
}
