package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.send;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.testapp.InboxTestConsumer;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class RedeliveryAndVersionTest {

    @Inject
    InboxFixture inbox;

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID teamId = UUID.randomUUID();
        EventEnvelope created = teamCreated(teamId, "Sent twice");
        send(created);
        send(created);
        // Same key, same partition: once the next event is applied, the redelivery has been consumed.
        EventEnvelope next = InboxFixture.memberAdded(teamId);
        send(next);
        inbox.awaitProcessed(next);

        assertThat(inbox.applied(teamId)).isEqualTo(1);
        assertThat(inbox.count("SELECT count(*) FROM processed_event WHERE event_id = ?1", created.id())).isEqualTo(1);
    }

    /**
     * The versioning rule: while a producer emits a type in v1 and v2, each consumer applies only the version it
     * reads (its platform/events' version of the type) and ignores the other copy.
     */
    @Test
    void aCopyInAVersionTheConsumerDoesNotReadIsIgnored() {
        UUID teamId = UUID.randomUUID();
        EventEnvelope v2 = teamCreated(teamId, "Version two");
        EventEnvelope v1 = teamCreated(teamId, "Version one");
        double skippedBefore = skipped();

        EventPublisher.send(withDataSchema(v2, "urn:downline:events:team.created:v2"));
        send(v1);
        inbox.awaitProcessed(v1);

        assertThat(inbox.processed(v2)).isFalse();
        assertThat(inbox.count("SELECT count(*) FROM inbox_team WHERE id = ?1 AND name = 'Version one' AND applied = 1",
                teamId)).isEqualTo(1);
        assertThat(skipped()).isEqualTo(skippedBefore + 1);
    }

    private double skipped() {
        return inbox.counter("downline.consumer.skipped");
    }

    private static ProducerRecord<String, String> withDataSchema(EventEnvelope event, String dataSchema) {
        ProducerRecord<String, String> record = CloudEventCodec.toRecord(InboxTestConsumer.TOPIC, event);
        Headers headers = record.headers();
        headers.remove(CloudEventHeaders.DATA_SCHEMA);
        headers.add(CloudEventHeaders.DATA_SCHEMA, dataSchema.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
