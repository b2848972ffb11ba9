package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.TIMEOUT;
import static io.downline.platform.inbox.InboxFixture.header;
import static io.downline.platform.inbox.InboxFixture.memberAdded;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.testapp.BatchInboxTestConsumer;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link IdempotentConsumer#applyBatch}: a poll's events commit together, and each keeps the promises of a single
 * record: applied once, poison to the dead-letter topic, parked when it waits, held while the database is in trouble.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class BatchConsumerTest {

    @Inject
    TestClock clock;

    private static final String CONSUMER = BatchInboxTestConsumer.CONSUMER;
    private static final String TOPIC = BatchInboxTestConsumer.TOPIC;
    private static final String DLQ = "platform-test." + TOPIC + ".dlq";

    @Inject
    InboxFixture inbox;

    @Inject
    BatchInboxTestConsumer batchConsumer;

    @Inject
    MeterRegistry registry;

    @Test
    void eventsThatArriveTogetherCommitInOneTransactionAndEachIsAppliedOnce() {
        List<UUID> teams = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID()).toList();
        List<EventEnvelope> events = teams.stream().map(id -> teamCreated(id, "Batch " + id)).toList();
        EventEnvelope appliedBefore = events.get(0);
        sendTogether(List.of(appliedBefore));
        awaitProcessed(appliedBefore);

        List<EventEnvelope> batch = new ArrayList<>(events);
        batch.add(events.get(1));
        sendTogether(batch);

        events.forEach(this::awaitProcessed);
        assertThat(teams).allSatisfy(id -> assertThat(inbox.applied(id)).as("applied once").isEqualTo(1));
        assertThat(batchConsumer.batchSizes()).as("some poll carried several records").anyMatch(size -> size > 1);
        long transactions = inbox.count("SELECT count(DISTINCT applied_in) FROM inbox_team WHERE id = ANY(CAST(?1 AS uuid[]))",
                (Object) teams.subList(1, teams.size()).toArray(UUID[]::new));
        assertThat(transactions).as("29 teams applied in fewer transactions than events").isLessThan(29);
    }

    @Test
    void poisonInABatchIsDeadLetteredAndTheRestOfTheBatchApplies() {
        UUID teamId = UUID.randomUUID();
        String noEnvelopeKey = "no-envelope-" + UUID.randomUUID();
        EventEnvelope nameless = new EventEnvelope(UUID.randomUUID(), EventType.TEAM_CREATED.type(), "platform-test",
                teamId.toString(), clock.instant(), null, "{\"teamId\":\"" + teamId + "\"}");
        EventEnvelope refused = InboxFixture.envelope(EventType.TEAM_MEMBER_REMOVED, teamId,
                new TeamMemberRemoved(teamId, UUID.randomUUID(), clock.instant()));
        EventEnvelope before = teamCreated(UUID.randomUUID(), "Before the poison");
        EventEnvelope after = teamCreated(teamId, "After the poison");
        double retriesBefore = counter("downline.consumer.retries");

        try (EventLog deadLetters = EventLog.tailRaw(DLQ)) {
            EventPublisher.sendTogether(List.of(CloudEventCodec.toRecord(TOPIC, before),
                    new ProducerRecord<>(TOPIC, noEnvelopeKey, "{\"hello\":\"world\"}"),
                    CloudEventCodec.toRecord(TOPIC, nameless), CloudEventCodec.toRecord(TOPIC, refused),
                    CloudEventCodec.toRecord(TOPIC, after)));

            var envelopeless = deadLetters.awaitRecord(r -> noEnvelopeKey.equals(r.key()), TIMEOUT);
            assertThat(header(envelopeless, "dead-letter-topic")).isEqualTo(TOPIC);
            var schema = deadLetters.awaitRecord(r -> nameless.id().toString().equals(header(r, CloudEventHeaders.ID)),
                    TIMEOUT);
            assertThat(header(schema, "dead-letter-reason")).contains("fails its schema", "name");
            var domain = deadLetters.awaitRecord(r -> refused.id().toString().equals(header(r, CloudEventHeaders.ID)),
                    TIMEOUT);
            assertThat(header(domain, "dead-letter-reason")).contains("Members never leave a test team");
            assertThat(header(domain, "dead-letter-offset")).isNotBlank();
            assertThat(domain.value()).isEqualTo(refused.data());
        }
        awaitProcessed(before);
        awaitProcessed(after);
        assertThat(inbox.applied(teamId)).isEqualTo(1);
        assertThat(processed(refused)).as("a refused event is dead-lettered, not recorded").isFalse();
        assertThat(counter("downline.consumer.retries")).as("poison is not retried").isEqualTo(retriesBefore);
    }

    @Test
    void anEventWaitingForItsTeamIsParkedAndAppliedWhenTheTeamArrivesInTheSameBatch() {
        UUID teamId = UUID.randomUUID();
        EventEnvelope member = memberAdded(teamId);
        EventEnvelope other = teamCreated(UUID.randomUUID(), "Unrelated");

        sendTogether(List.of(member, other, teamCreated(teamId, "Arrives after its member")));

        await().atMost(TIMEOUT).until(() -> inbox.count("SELECT count(*) FROM inbox_team_member WHERE team_id = ?1",
                teamId) == 1);
        assertThat(inbox.count("SELECT count(*) FROM parked_event WHERE waits_for = ?1", "team:" + teamId)).isZero();
        awaitProcessed(other);
    }

    @Test
    void aBatchThatFailsWhileTheTableIsLockedIsHeldUntilItAppliesAndNothingIsDeadLettered() throws Exception {
        List<UUID> teams = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        List<EventEnvelope> events = teams.stream().map(id -> teamCreated(id, "Locked batch " + id)).toList();
        double retriesBefore = counter("downline.consumer.retries");
        double deadLetteredBefore = counter("downline.consumer.dead.lettered");

        try (Connection lock = inbox.lock("inbox_team")) {
            sendTogether(events);
            await().atMost(TIMEOUT).until(() -> counter("downline.consumer.retries") >= retriesBefore + 2);
            assertThat(events).as("nothing of a failed attempt is kept").noneMatch(this::processed);
            lock.rollback();
        }

        events.forEach(this::awaitProcessed);
        assertThat(teams).allSatisfy(id -> assertThat(inbox.applied(id)).isEqualTo(1));
        assertThat(counter("downline.consumer.dead.lettered")).isEqualTo(deadLetteredBefore);
    }

    private void sendTogether(List<EventEnvelope> events) {
        EventPublisher.sendTogether(events.stream().map(event -> CloudEventCodec.toRecord(TOPIC, event)).toList());
    }

    private boolean processed(EventEnvelope event) {
        return inbox.count("SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2", CONSUMER,
                event.id()) == 1;
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(TIMEOUT).until(() -> processed(event));
    }

    private double counter(String name) {
        var counter = registry.find(name).tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
