package io.downline.audit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.audit.domain.Actors;
import io.downline.audit.domain.EntryTime;
import io.downline.audit.domain.Jcs;
import io.downline.audit.domain.MalformedPayloadException;
import io.downline.audit.domain.NewEntry;
import io.downline.audit.domain.TraceIds;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.MalformedEventException;

/**
 * A record as the log will keep it. The audit interprets no payload: any type and any version is recorded as
 * published (no schema check: the log keeps what was said, even what other consumers refused), as long as the
 * envelope is readable and the payload is a JSON object that can be canonicalized and stored.
 */
final class EventDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventDecoder() {
    }

    /** {@link MalformedPayloadException} for a record that can never be appended. */
    static NewEntry decode(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            throw new MalformedPayloadException(e.getMessage());
        }
        if (!EntryTime.inRange(event.time())) {
            throw new MalformedPayloadException("ce_time " + event.time() + " is outside the years 1 to 9999");
        }
        JsonNode payload = parse(event);
        String dataSchema = CloudEventCodec.header(record.headers(), CloudEventHeaders.DATA_SCHEMA);
        NewEntry entry = new NewEntry(event.id(), event.type(), event.source(), event.subject(), Actors.of(payload),
                EntryTime.truncate(event.time()), TraceIds.of(event.traceparent()), dataSchema,
                Jcs.canonicalize(event.data()));
        storable(entry.type(), entry.source(), entry.subject(), entry.actor(), entry.dataSchema(), entry.payload());
        return entry;
    }

    private static JsonNode parse(EventEnvelope event) {
        try {
            JsonNode payload = JSON.readTree(event.data());
            if (payload == null || !payload.isObject()) {
                throw new MalformedPayloadException("the payload of event " + event.id() + " is not a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("the payload of event " + event.id() + " is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    /** PostgreSQL text holds neither NUL nor half a surrogate pair; such a value would fail the insert forever. */
    private static void storable(String... values) {
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    throw new MalformedPayloadException("the event carries a NUL character");
                }
                if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(++i)))
                        || Character.isLowSurrogate(c)) {
                    throw new MalformedPayloadException("the event carries an unpaired UTF-16 surrogate");
                }
            }
        }
    }
}
