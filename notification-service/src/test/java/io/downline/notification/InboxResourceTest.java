package io.downline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The inbox and preferences over HTTP: the refusal matrix, read marks, mute and e-mail. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class InboxResourceTest {

    @Inject
    DataSource dataSource;

    Db db;
    Member member;
    String token;

    @BeforeEach
    void member() {
        db = new Db(dataSource);
        member = TestEvents.register(null);
        token = Tokens.member(member.subject());
        awaitTotal(member, 1);
    }

    @Test
    void refusals() {
        given().when().get("/api/notifications").then().statusCode(401).contentType("application/problem+json");
        given().when().post("/api/notifications/read-all").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("muted", true, "email", false))
                .when().put("/api/notifications/preferences/welcome").then().statusCode(401);
        given().auth().oauth2(Tokens.of("finance-1", Roles.FINANCE)).when().get("/api/notifications")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.member("never-registered")).when().get("/api/notifications")
                .then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/notifications?size=500").then().statusCode(400)
                .body("errors.field", hasItem(notNullValue()));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .when().put("/api/notifications/preferences/welcome").then().statusCode(400)
                .body("errors.size()", equalTo(2));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", true, "email", true))
                .when().put("/api/notifications/preferences/welcome").then().statusCode(422);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", true, "email", false))
                .when().put("/api/notifications/preferences/no-such-type").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", true, "email", false))
                .when().put("/api/notifications/preferences/NOT_A_CODE").then().statusCode(400);
        given().auth().oauth2(token).when().post("/api/notifications/{id}/read", "not-a-uuid").then().statusCode(400);
    }

    @Test
    void anotherMembersNotificationIsRefusedLikeAnUnknownOne() {
        Member other = TestEvents.register(null);
        awaitTotal(other, 1);
        String theirs = given().auth().oauth2(Tokens.member(other.subject())).when().get("/api/notifications")
                .then().extract().path("items[0].id");

        given().auth().oauth2(token).when().post("/api/notifications/{id}/read", theirs).then().statusCode(404);
        given().auth().oauth2(token).when().post("/api/notifications/{id}/read", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.member(other.subject())).when().get("/api/notifications/unread-count")
                .then().body("unread", equalTo(1));
    }

    @Test
    void readMarksPagesAndTheUnreadFilter() {
        TestEvents.register(member.id());
        TestEvents.register(member.id());
        awaitTotal(member, 3);
        given().auth().oauth2(token).when().get("/api/notifications?size=2&page=0").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].sequence", equalTo(3)).body("total", equalTo(3))
                .body("unread", equalTo(3)).body("lastSequence", equalTo(3));
        given().auth().oauth2(token).when().get("/api/notifications?size=2&page=1").then()
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("welcome"));

        String id = given().auth().oauth2(token).when().get("/api/notifications").then().extract().path("items[0].id");
        String readAt = given().auth().oauth2(token).when().post("/api/notifications/{id}/read", id).then().statusCode(200)
                .body("read", equalTo(true)).extract().path("readAt");
        given().auth().oauth2(token).when().post("/api/notifications/{id}/read", id).then().statusCode(200)
                .body("readAt", equalTo(readAt));
        given().auth().oauth2(token).when().get("/api/notifications/unread-count").then().body("unread", equalTo(2));
        given().auth().oauth2(token).when().get("/api/notifications?unread=true").then()
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));

        given().auth().oauth2(token).when().post("/api/notifications/read-all").then().statusCode(200)
                .body("marked", equalTo(2));
        given().auth().oauth2(token).when().get("/api/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void aMutedTypeMakesNoNotificationAndAnEmailTypeIsReallyMailed() throws Exception {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", true, "email", false))
                .when().put("/api/notifications/preferences/commission-earned").then().statusCode(200)
                .body("muted", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", false, "email", true))
                .when().put("/api/notifications/preferences/kyc-approved").then().statusCode(200);
        List<Map<String, Object>> all = given().auth().oauth2(token).when().get("/api/notifications/preferences")
                .then().statusCode(200).extract().path("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(18)
                .contains(Map.of("type", "commission-earned", "muted", true, "email", false),
                        Map.of("type", "kyc-approved", "muted", false, "email", true),
                        Map.of("type", "welcome", "muted", false, "email", false));

        EventEnvelope muted = TestEvents.commission(member.id(), member.id(), "4.00");
        UUID kycCase = UUID.randomUUID();
        EventEnvelope approved = EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", kycCase,
                new KycApproved(kycCase, member.id(), "FULL", "officer", Instant.now().plusSeconds(86400), Instant.now()));

        assertThat(db.awaitNotificationsOf(approved.id(), 1)).containsExactly(member.room() + " kyc-approved");
        db.awaitProcessed("notification-service:commissions", muted.id());
        assertThat(db.notificationsOf(muted.id())).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(MailAndLoginTestResource.mail().getReceivedMessages())
                .stream().anyMatch(m -> recipient(m).equals(member.subject() + "@example.com")));
        MimeMessage mail = List.of(MailAndLoginTestResource.mail().getReceivedMessages()).stream()
                .filter(m -> recipient(m).equals(member.subject() + "@example.com")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Identity check approved");
        assertThat(mail.getContent().toString()).contains("Your FULL check is approved");
        assertThat(db.strings("SELECT sent_at IS NOT NULL FROM email_outbox e JOIN notification n"
                + " ON n.id = e.notification_id WHERE n.event_id = ?", approved.id())).containsExactly("t");
    }

    @Test
    void aSuspendedMemberReadsButChangesNothing() {
        EventPublisher.publish(EventType.MEMBER_SUSPENDED, "user-service", member.id(),
                new MemberSuspended(member.id(), "unpaid fees", "admin", Instant.now()));
        awaitTotal(member, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "SELECT status FROM member_projection WHERE member_id = ?", member.id()).contains("SUSPENDED"));

        given().auth().oauth2(token).when().get("/api/notifications").then().statusCode(200)
                .body("items[0].type", equalTo("account-suspended"));
        given().auth().oauth2(token).when().get("/api/notifications/preferences").then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/notifications/read-all").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("muted", true, "email", false))
                .when().put("/api/notifications/preferences/welcome").then().statusCode(403);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTotal(Member member, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.member(member.subject()))
                .when().get("/api/notifications").then().statusCode(200).body("total", equalTo(count)));
    }
}
