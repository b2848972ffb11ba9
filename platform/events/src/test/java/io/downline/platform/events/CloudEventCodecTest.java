package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.users.MemberActivated;

class CloudEventCodecTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventEnvelope event = EventEnvelope.of(EventType.MEMBER_ACTIVATED, "user-service",
            EventSamples.MEMBER.toString(), EventSamples.sample(EventType.MEMBER_ACTIVATED), TRACEPARENT);

    @Test
    void roundTripsAnEnvelopeThroughAKafkaRecord() {
        ProducerRecord<String, String> sent = CloudEventCodec.toRecord(Topics.USERS, event);
        EventEnvelope received = CloudEventCodec.fromRecord(received(sent.key(), sent.value(), sent.headers()));

        assertThat(sent.topic()).isEqualTo(Topics.USERS);
        assertThat(sent.key()).isEqualTo(EventSamples.MEMBER.toString());
        assertThat(sent.timestamp()).isNull();
        assertThat(received).isEqualTo(event);
        assertThat(received.payload(MemberActivated.class)).isEqualTo(EventSamples.sample(EventType.MEMBER_ACTIVATED));
    }

    @Test
    void writesTheCloudEventsHeaders() {
        Headers headers = CloudEventCodec.toHeaders(event);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(event.id().toString());
        assertThat(header(headers, "ce_type")).isEqualTo("member.activated");
        assertThat(header(headers, "ce_source")).isEqualTo("user-service");
        assertThat(header(headers, "ce_subject")).isEqualTo(EventSamples.MEMBER.toString());
        assertThat(Instant.parse(header(headers, "ce_time"))).isEqualTo(event.time());
        assertThat(header(headers, "ce_dataschema")).isEqualTo("urn:downline:events:member.activated:v1");
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(header(headers, "traceparent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void leavesOutWhatItDoesNotKnow() {
        EventEnvelope untraced = new EventEnvelope(UUID.randomUUID(), "member.promoted", "user-service", null,
                Instant.parse("2025-03-14T09:26:53.589123Z"), null, "{}");
        ProducerRecord<String, String> sent = CloudEventCodec.toRecord(Topics.USERS, untraced);

        assertThat(sent.headers().lastHeader(CloudEventHeaders.TRACEPARENT)).isNull();
        assertThat(sent.headers().lastHeader(CloudEventHeaders.DATA_SCHEMA)).isNull();
        assertThat(sent.headers().lastHeader(CloudEventHeaders.SUBJECT)).isNull();
        assertThat(sent.key()).isNull();
        assertThat(CloudEventCodec.fromRecord(received(null, sent.value(), sent.headers()))).isEqualTo(untraced);
    }

    @ParameterizedTest
    @ValueSource(strings = {CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
            CloudEventHeaders.TIME})
    void rejectsARecordMissingARequiredHeader(String name) {
        Headers headers = CloudEventCodec.toHeaders(event);
        headers.remove(name);

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(received("key", event.data(), headers)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(name);
    }

    @Test
    void rejectsUnreadableIdOrTimeAndAMissingPayload() {
        Headers badId = CloudEventCodec.toHeaders(event);
        badId.remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, "42".getBytes(StandardCharsets.UTF_8));
        Headers badTime = CloudEventCodec.toHeaders(event);
        badTime.remove(CloudEventHeaders.TIME)
                .add(CloudEventHeaders.TIME, "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(received("key", event.data(), badId)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(received("key", event.data(), badTime)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_time");
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(received("key", null, CloudEventCodec.toHeaders(event))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("payload");
    }

    @Test
    void anEnvelopeCarriesOnlyThePayloadOfItsType() {
        OrderCompleted order = (OrderCompleted) EventSamples.sample(EventType.ORDER_COMPLETED);

        assertThatThrownBy(() -> EventEnvelope.of(EventType.MEMBER_ACTIVATED, "user-service", "x", order, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member.activated");
        assertThat(EventEnvelope.of(EventType.ORDER_COMPLETED, "commission-service", order.orderId().toString(), order,
                null).data()).isEqualTo(EventJson.write(order));
    }

    private static ConsumerRecord<String, String> received(String key, String value, Headers headers) {
        return new ConsumerRecord<>(Topics.USERS, 0, 42L, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers,
                Optional.empty());
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
