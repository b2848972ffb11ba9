package io.downline.audit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.downline.audit.domain.MalformedPayloadException;
import io.downline.audit.domain.NewEntry;

class EventDecoderTest {

    private static ConsumerRecord<String, String> record(String id, String value, String... extraHeaders) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("users.events.v1", 0, 7, "key", value);
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_type", "member.suspended".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "user-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-05-10T09:00:00.123456789Z".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            record.headers().add(extraHeaders[i], extraHeaders[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventBecomesAnEntryWithItsActorTraceAndCanonicalPayload() {
        UUID id = UUID.randomUUID();
        NewEntry entry = EventDecoder.decode(record(id.toString(),
                "{ \"reason\": \"fraud\", \"actor\": \"admin-1\", \"memberId\": \"m-1\" }",
                "ce_subject", "m-1", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "ce_dataschema", "urn:downline:events:member.suspended:v1"));

        assertThat(entry.eventId()).isEqualTo(id);
        assertThat(entry.actor()).isEqualTo("admin-1");
        assertThat(entry.subject()).isEqualTo("m-1");
        assertThat(entry.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(entry.dataSchema()).isEqualTo("urn:downline:events:member.suspended:v1");
        assertThat(entry.payload()).isEqualTo("{\"actor\":\"admin-1\",\"memberId\":\"m-1\",\"reason\":\"fraud\"}");
        assertThat(entry.occurredAt().toString()).isEqualTo("2026-05-10T09:00:00.123456Z");
    }

    @Test
    void reviewersAndAwardersAreActorsAndSystemEventsHaveNone() {
        assertThat(EventDecoder.decode(record(UUID.randomUUID().toString(), "{\"reviewer\":\"officer-1\"}")).actor())
                .isEqualTo("officer-1");
        assertThat(EventDecoder.decode(record(UUID.randomUUID().toString(), "{\"awardedBy\":\"admin-2\"}")).actor())
                .isEqualTo("admin-2");
        assertThat(EventDecoder.decode(record(UUID.randomUUID().toString(), "{\"orderId\":\"o-1\"}")).actor()).isNull();
    }

    @Test
    void whatCanNeverBeAppendedIsMalformed() {
        assertThatThrownBy(() -> EventDecoder.decode(record(null, "{}"))).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("ce_id");
        assertThatThrownBy(() -> EventDecoder.decode(record("not-a-uuid", "{}")))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> EventDecoder.decode(record(UUID.randomUUID().toString(), "{\"a\":")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventDecoder.decode(record(UUID.randomUUID().toString(), "[1,2]")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventDecoder.decode(record(UUID.randomUUID().toString(), "{\"a\":\"\\ud800\"}")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> EventDecoder.decode(record(UUID.randomUUID().toString(), "{}", "ce_subject", "a\u0000b")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("NUL");
        ConsumerRecord<String, String> farFuture = record(UUID.randomUUID().toString(), "{}");
        farFuture.headers().remove("ce_time");
        farFuture.headers().add("ce_time", "+10000-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventDecoder.decode(farFuture)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> EventDecoder.decode(record(UUID.randomUUID().toString(), null)))
                .isInstanceOf(MalformedPayloadException.class);
    }
}
