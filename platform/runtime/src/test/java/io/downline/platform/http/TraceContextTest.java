package io.downline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.downline.platform.outbox.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

/** The outbox's {@code traceparent} comes from OpenTelemetry's W3C propagator. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void theCurrentSpanBecomesAW3cTraceparent() {
        Span span = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope scope = span.makeCurrent()) {
            assertThat(TraceContext.currentTraceparent()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
            assertThat(TraceContext.currentTraceId()).isEqualTo(TRACE_ID);
        }
    }

    @Test
    void withoutASpanThereIsNone() {
        assertThat(TraceContext.currentTraceparent()).isNull();
        assertThat(TraceContext.currentTraceId()).isNull();
    }
}
