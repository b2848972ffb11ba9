package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventSchemas;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.user.TestMembers.Registered;
import io.downline.user.config.RootMemberConfig;
import io.downline.user.service.MeetingReminderJob;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Walks a member through every change user-service announces and checks that each event of the users
 * catalogue was emitted, keyed by its aggregate, and matches its JSON Schema (EventLog checks every event).
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class UserEventContractTest {

    @Inject
    MeetingReminderJob reminders;

    @Test
    void everyUsersEventTypeIsEmittedAndMatchesItsSchema() {
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
            Registered member = TestMembers.register(leader.referralCode());
            Registered other = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
            String admin = TestMembers.adminToken();

            as(member.token()).body(Map.of("name", "New Name", "country", "FR"))
                    .put("/api/members/{id}/profile", member.id()).then().statusCode(200);
            UUID teamId = UUID.fromString(as(leader.token()).body(Map.of("name", "Contract team"))
                    .post("/api/teams").then().statusCode(201).extract().path("id"));
            as(leader.token()).body(Map.of("memberId", member.id().toString()))
                    .post("/api/teams/{id}/members", teamId).then().statusCode(201);
            as(leader.token()).delete("/api/teams/{id}/members/{memberId}", teamId, member.id())
                    .then().statusCode(204);
            Instant soon = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            UUID reminded = schedule(leader.token(), teamId, soon);
            UUID cancelled = schedule(leader.token(), teamId, soon.plus(2, ChronoUnit.DAYS));
            as(leader.token()).body(Map.of("reason", "moved"))
                    .post("/api/teams/{teamId}/meetings/{id}/cancel", teamId, cancelled).then().statusCode(200);
            reminders.sendDueReminders(); // or the scheduled run does it first: either way one reminder

            for (String action : new String[] { "suspend", "reinstate" }) {
                as(admin).body(Map.of("reason", "contract test"))
                        .post("/api/members/{id}/" + action, leader.id()).then().statusCode(200);
            }
            as(admin).body(Map.of("newSponsorId", other.id().toString(), "reason", "contract test"))
                    .put("/api/members/{id}/sponsor", member.id()).then().statusCode(200);
            as(admin).body(Map.of("reason", "contract test"))
                    .post("/api/members/{id}/terminate", member.id()).then().statusCode(200);

            users.await(EventType.MEMBER_TERMINATED, member.id());
            users.await(EventType.MEETING_REMINDER, reminded);
            users.drain(EventType.MEMBER_TERMINATED, e -> true, Duration.ofMillis(500));

            Set<String> expected = Arrays.stream(EventType.values())
                    .filter(type -> Topics.USERS.equals(type.topic()) || type == EventType.ADMIN_ACTION_PERFORMED)
                    .map(EventType::type)
                    .collect(Collectors.toSet());
            Set<String> seen = users.seen().stream().map(EventEnvelope::type).collect(Collectors.toSet());
            assertThat(seen).containsAll(expected);
            assertThat(users.seen()).allSatisfy(e -> assertThat(e.source()).isEqualTo("user-service"));
            assertThat(users.records()).allSatisfy(UserEventContractTest::assertKeyedByItsAggregate);
        }
    }

    @Test
    void theRootMembersRegistrationFromTheTopicsBeginningMeetsItsSchema() {
        try (KafkaConsumer<String, String> consumer = EventLog.consumerAtEnd(Topics.USERS, Map.of())) {
            consumer.seekToBeginning(consumer.assignment());
            EventEnvelope root = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (root == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope event = CloudEventCodec.fromRecord(record);
                    if (event.type().equals(EventType.MEMBER_REGISTERED.type())
                            && event.payload(MemberRegistered.class).sponsorId() == null) {
                        root = event;
                    }
                }
            }
            assertThat(root).as("the root's member.registered on %s", Topics.USERS).isNotNull();
            assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, root.data())).isEmpty();
            MemberRegistered payload = root.payload(MemberRegistered.class);
            assertThat(payload.sponsorId()).isNull();
            assertThat(payload.referralCode()).isEqualTo(TestMembers.ROOT_REFERRAL_CODE);
            assertThat(payload.oidcSubject()).isEqualTo(RootMemberConfig.SYNTHETIC_SUBJECT);
        }
    }

    /** The record key is the aggregate's id (member, team, meeting, or the audited entity) and equals ce_subject. */
    private static void assertKeyedByItsAggregate(ConsumerRecord<String, String> record) {
        EventEnvelope event = CloudEventCodec.fromRecord(record);
        JsonNode data = EventJson.read(event.data(), JsonNode.class);
        String aggregateField = switch (event.type().substring(0, event.type().indexOf('.'))) {
            case "member" -> "memberId";
            case "team" -> "teamId";
            case "meeting" -> "meetingId";
            case "admin" -> "entityId";
            default -> throw new AssertionError("Unexpected event type on " + Topics.USERS + ": " + event.type());
        };
        assertThat(record.key()).as("key of %s", event.type()).isNotBlank()
                .isEqualTo(data.path(aggregateField).asText())
                .isEqualTo(event.subject());
    }

    private static UUID schedule(String token, UUID teamId, Instant start) {
        return UUID.fromString(as(token)
                .body(Map.of("title", "Contract meeting", "startsAt", start.toString(),
                        "endsAt", start.plus(1, ChronoUnit.HOURS).toString()))
                .post("/api/teams/{teamId}/meetings", teamId).then().statusCode(201).extract().path("id"));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
