package io.downline.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Maps an {@link EventEnvelope} to and from a Kafka record in CloudEvents binary mode. */
public final class CloudEventCodec {

    private CloudEventCodec() {
    }

    public static Headers toHeaders(EventEnvelope event) {
        Headers headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, event.id().toString());
        add(headers, CloudEventHeaders.TYPE, event.type());
        add(headers, CloudEventHeaders.SOURCE, event.source());
        add(headers, CloudEventHeaders.TIME, event.time().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.subject() != null) {
            add(headers, CloudEventHeaders.SUBJECT, event.subject());
        }
        EventType.find(event.type())
                .ifPresent(type -> add(headers, CloudEventHeaders.DATA_SCHEMA, type.dataSchemaUri()));
        if (event.traceparent() != null) {
            add(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
        }
        return headers;
    }

    /**
     * The record's key is the subject. The record has no timestamp of its own, so the broker stamps it at
     * send time: an event relayed late from the outbox must not look older than the topic's retention.
     */
    public static ProducerRecord<String, String> toRecord(String topic, EventEnvelope event) {
        return new ProducerRecord<>(topic, null, null, event.subject(), event.data(), toHeaders(event));
    }

    /** Throws {@link MalformedEventException} when ce_id, ce_type, ce_source or ce_time is missing or unreadable. */
    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String time = required(headers, CloudEventHeaders.TIME);
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no payload");
        }
        return new EventEnvelope(parseId(id), type, source, header(headers, CloudEventHeaders.SUBJECT),
                parseTime(time), header(headers, CloudEventHeaders.TRACEPARENT), record.value());
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing header " + name);
        }
        return value;
    }

    /** A header's value as text, or null: for readers that need only a CloudEvents attribute, not the event. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Header " + CloudEventHeaders.ID + " is not a UUID: " + id, e);
        }
    }

    private static Instant parseTime(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Header " + CloudEventHeaders.TIME + " is not an ISO-8601 instant: "
                    + time, e);
        }
    }
}
