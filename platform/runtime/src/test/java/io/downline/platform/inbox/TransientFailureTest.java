package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.TIMEOUT;
import static io.downline.platform.inbox.InboxFixture.send;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A failure that may pass (a lock timeout, a connection the database dropped) is retried, holding the
 * partition, until it succeeds: never dead-lettered, applied once, and shown in the metrics and readiness.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class TransientFailureTest {

    private static final String CONSUMERS_CHECK = "checks.find { it.name == 'consumers' }.status";

    @Inject
    InboxFixture inbox;

    @Test
    void anEventThatFailsWhileTheTableIsLockedIsRetriedUntilItApplies() throws Exception {
        UUID teamId = UUID.randomUUID();
        EventEnvelope created = teamCreated(teamId, "Locked out");
        double retriesBefore = inbox.counter("downline.consumer.retries");

        try (Connection lock = inbox.lock("inbox_team")) {
            send(created);
            await().atMost(TIMEOUT).until(() -> inbox.counter("downline.consumer.retries") >= retriesBefore + 2);
            assertThat(inbox.gauge("downline.consumer.stuck")).isEqualTo(1);
            given().get("/q/health/ready").then().statusCode(503).body(CONSUMERS_CHECK, equalTo("DOWN"));
            assertThat(inbox.processed(created)).as("nothing of a failed attempt is kept").isFalse();
            lock.rollback();
        }

        inbox.awaitProcessed(created);
        assertThat(inbox.applied(teamId)).isEqualTo(1);
        assertThat(inbox.gauge("downline.consumer.stuck")).isZero();
        given().get("/q/health/ready").then().body(CONSUMERS_CHECK, equalTo("UP"));
    }

    @Test
    void eventsArrivingWhileTheDatabaseDropsTheConsumersConnectionsAreAllAppliedOnceAndNoneDeadLettered()
            throws Exception {
        List<UUID> teams = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        List<EventEnvelope> events = teams.stream().map(id -> teamCreated(id, "Outage " + id)).toList();
        double deadLetteredBefore = inbox.counter("downline.consumer.dead.lettered");

        try (Connection lock = inbox.lock("inbox_team")) {
            events.forEach(InboxFixture::send);
            int terminated = 0;
            for (int round = 0; round < 3; round++) {
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(inbox::someoneWaitsOnALock);
                terminated += inbox.terminateWaitingConnections();
            }
            assertThat(terminated).as("the consumer's connection was dropped mid-attempt").isPositive();
            assertThat(events).noneMatch(inbox::processed);
            lock.rollback();
        }

        // A dead-lettered event is never applied: every event applied proves none went to the dead-letter topic.
        events.forEach(inbox::awaitProcessed);
        assertThat(teams).allSatisfy(id -> assertThat(inbox.applied(id)).isEqualTo(1));
        assertThat(inbox.counter("downline.consumer.dead.lettered")).isEqualTo(deadLetteredBefore);
    }
}
