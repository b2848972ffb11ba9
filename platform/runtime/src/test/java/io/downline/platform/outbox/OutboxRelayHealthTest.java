package io.downline.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventType;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testapp.RelayFaultInterceptor;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The relay thread dying of an Error shows as outbox-relay DOWN; it is restarted and delivers what waited. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayHealthTest {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxTestEvents events;

    @Test
    void deadRelayThreadIsDownThenRestartedAndDelivers() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(check()).containsEntry("status", "UP"));
        int restartsBefore = relay.restarts();
        UUID widget = UUID.randomUUID();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC)) {
            RelayFaultInterceptor.failNextSendWith(new Error("simulated fault on the relay thread"));
            UUID waiting = events.rename(widget, "sent-after-restart");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "DOWN".equals(check().get("status")));
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check().get("data");
            assertThat(data).containsEntry("state", "DEAD");
            assertThat((String) data.get("lastDeath")).contains("simulated fault on the relay thread");
            given().get("/q/health/live").then().statusCode(503);

            await().atMost(Duration.ofSeconds(15)).until(() -> "UP".equals(check().get("status")));
            assertThat(relay.restarts()).isEqualTo(restartsBefore + 1);
            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(waiting));
        }
    }

    private static Map<String, Object> check() {
        String health = given().get("/q/health/live").then().extract().asString();
        Map<String, Object> check = io.restassured.path.json.JsonPath.from(health)
                .getMap("checks.find { it.name == 'outbox-relay' }");
        assertThat(check).as("outbox-relay in %s", health).isNotNull();
        return check;
    }
}
