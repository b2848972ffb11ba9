package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestKafka;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The outbox loses nothing and keeps order when Kafka is down while the service works. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxDeliveryTest {

    private static final Pattern BACKLOG = Pattern.compile("(?m)^downline_outbox_backlog(?:\\{[^}]*\\})? ([0-9.E]+)$");

    @Test
    void eventsWrittenDuringABrokerOutageArriveOnceAndInOrder() throws Exception {
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
            users.await(EventType.MEMBER_REGISTERED, member.id()); // warm: the relay is connected

            TestKafka.stopBroker();
            List<UUID> registeredDuringOutage = new ArrayList<>();
            try {
                for (int i = 1; i <= 5; i++) {
                    given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                            .body(Map.of("name", "Name " + i, "country", "US"))
                            .put("/api/members/{id}/profile", member.id())
                            .then().statusCode(200);
                    registeredDuringOutage.add(TestMembers.register(member.referralCode()).id());
                }
                // Nothing is lost: the rows wait in the outbox, and the backlog metric shows them.
                await().atMost(Duration.ofSeconds(20)).until(() -> backlog() >= 10);
            } finally {
                TestKafka.startBroker();
            }

            List<EventEnvelope> updates = users.awaitCount(EventType.MEMBER_PROFILE_UPDATED,
                    e -> e.subject().equals(member.id().toString()), 5, Duration.ofSeconds(60));
            assertThat(updates).extracting(e -> e.payload(MemberProfileUpdated.class).name())
                    .containsExactly("Name 1", "Name 2", "Name 3", "Name 4", "Name 5");
            for (UUID id : registeredDuringOutage) {
                users.await(EventType.MEMBER_REGISTERED, id);
            }
            // Exactly once: a quiet period later, no event id has arrived twice.
            List<EventEnvelope> all = users.drain(EventType.MEMBER_PROFILE_UPDATED, e -> true, Duration.ofSeconds(2));
            assertThat(users.seen()).extracting(EventEnvelope::id).doesNotHaveDuplicates();
            assertThat(all).hasSizeGreaterThanOrEqualTo(5);
            await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);
        }
    }

    private static double backlog() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = BACKLOG.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
