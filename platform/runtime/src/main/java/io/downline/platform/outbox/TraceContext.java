package io.downline.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/** The W3C trace context of the current span, to carry a trace from a REST call through Kafka. */
public final class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    /** {@code traceparent} of the current span, written by OpenTelemetry's W3C propagator; null without a valid span. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Trace id of the current span, or null. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
