package io.downline.platform.http;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before it
 * is read. Quarkus enforces the limit itself too, but answers with an empty body; this filter gives the
 * problem response to every client that sends {@code Content-Length} (a chunked body over the limit still gets
 * Quarkus's bare 413).
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    /** After {@link RequestLogFilter} (1000), so the refusal is logged and carries the request id. */
    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    private void handle(RoutingContext rc) {
        if (limit.isPresent() && announcedOver(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit.get())) {
            Problem problem = new Problem("urn:downline:problem:payload-too-large", "Payload Too Large", 413,
                    "The request body is too large (at most " + limit.get().asLongValue() + " bytes)",
                    rc.normalizedPath(), ProblemMappers.correlationId(), List.of());
            try {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.fail(e);
            }
            return;
        }
        rc.next();
    }

    private static boolean announcedOver(String contentLength, MemorySize limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
