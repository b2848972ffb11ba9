package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.TIMEOUT;
import static io.downline.platform.inbox.InboxFixture.header;
import static io.downline.platform.inbox.InboxFixture.send;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.testapp.InboxTestConsumer;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Records that can never be applied go to {@code <service>.<topic>.dlq} (named by the platform, not by the
 * channel's configuration) at once, and the ones behind them still flow.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PoisonRecordTest {

    @Inject
    InboxFixture inbox;

    @Test
    void noEnvelopeASchemaViolationAndADomainRefusalAreDeadLetteredAndTheNextEventApplies() {
        UUID teamId = UUID.randomUUID();
        double retriesBefore = inbox.counter("downline.consumer.retries");
        try (EventLog deadLetters = EventLog.tailRaw(InboxFixture.DLQ)) {
            String noEnvelopeKey = "no-envelope-" + UUID.randomUUID();
            EventPublisher.send(new ProducerRecord<>(InboxTestConsumer.TOPIC, noEnvelopeKey, "{\"hello\":\"world\"}"));
            EventEnvelope nameless = new EventEnvelope(UUID.randomUUID(), EventType.TEAM_CREATED.type(), "platform-test",
                    teamId.toString(), Instant.now(), null, "{\"teamId\":\"" + teamId + "\"}");
            send(nameless);
            EventEnvelope refused = InboxFixture.envelope(EventType.TEAM_MEMBER_REMOVED, teamId,
                    new TeamMemberRemoved(teamId, UUID.randomUUID(), Instant.now()));
            send(refused);
            EventEnvelope good = teamCreated(teamId, "After the poison");
            send(good);

            deadLetters.awaitRecord(r -> noEnvelopeKey.equals(r.key()), TIMEOUT);
            var schema = deadLetters.awaitRecord(r -> nameless.id().toString().equals(header(r, CloudEventHeaders.ID)),
                    TIMEOUT);
            assertThat(header(schema, "dead-letter-reason")).contains("fails its schema", "name");
            assertThat(schema.key()).isEqualTo(teamId.toString());
            var domain = deadLetters.awaitRecord(r -> refused.id().toString().equals(header(r, CloudEventHeaders.ID)),
                    TIMEOUT);
            assertThat(header(domain, "dead-letter-reason")).contains("Members never leave a test team");
            assertThat(header(domain, CloudEventHeaders.TYPE)).isEqualTo("team.member-removed");
            assertThat(header(domain, "dead-letter-topic")).isEqualTo(InboxTestConsumer.TOPIC);

            inbox.awaitProcessed(good);
        }
        assertThat(inbox.applied(teamId)).isEqualTo(1);
        assertThat(inbox.counter("downline.consumer.retries")).as("poison is not retried").isEqualTo(retriesBefore);
    }
}
