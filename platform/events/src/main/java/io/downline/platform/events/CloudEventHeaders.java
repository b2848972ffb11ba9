package io.downline.platform.events;

/** Kafka header names of the CloudEvents binary mode (Kafka protocol binding) used on every topic. */
public final class CloudEventHeaders {

    /** UUID of the event, the consumers' idempotency key. */
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    /** The emitting service's name. */
    public static final String SOURCE = "ce_source";
    /** The aggregate's id; also the record key. */
    public static final String SUBJECT = "ce_subject";
    /** ISO-8601 instant, e.g. {@code 2025-03-01T10:15:30.123Z}. */
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** {@link EventType#dataSchemaUri()} of the payload, when the type is known. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
    /** W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
