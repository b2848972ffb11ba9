package io.downline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.notification.support.WsClient;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class InboxFlowTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void aRegistrationWelcomesTheMemberAndTellsTheSponsorLive() {
        Member sponsor = TestEvents.register(null);
        awaitInbox(sponsor, 1);
        try (WsClient socket = WsClient.connect(WsClient.uri(base.getPort(), "after=1"), Tokens.member(sponsor.subject()))) {
            socket.awaitFrame("live", sponsor.room());
            Member recruit = TestEvents.register(sponsor.id());

            var pushed = socket.await(f -> "downline-new-member".equals(f.path("notificationType").asText()));
            assertThat(pushed.path("room").asText()).isEqualTo(sponsor.room());
            assertThat(pushed.path("sequence").asLong()).isEqualTo(2);
            assertThat(pushed.path("body").asText()).contains(recruit.name());
            awaitInbox(recruit, 1);
            given().auth().oauth2(Tokens.member(recruit.subject())).when().get("/api/notifications")
                    .then().statusCode(200).body("items[0].type", equalTo("welcome"))
                    .body("unread", equalTo(1)).body("lastSequence", equalTo(1));
        }
    }

    private static void awaitInbox(Member member, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.member(member.subject()))
                .when().get("/api/notifications").then().statusCode(200).body("total", equalTo(count)));
    }
}
