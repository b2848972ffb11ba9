package io.downline.platform.http;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.downline.platform.outbox.TraceContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * One structured log line per HTTP call: method, route template, status, duration, caller, request id and
 * trace id. The request id comes from {@code X-Request-Id} when it is sane, else a new one; it is echoed
 * in the response and used as the correlation id of problem responses. Slow calls are logged as WARN; they
 * are counted by the SLO bucket on {@code http.server.requests} ({@link SlowRequestSlo}).
 */
@ApplicationScoped
public class RequestLogFilter {

    public static final String REQUEST_ID = "requestId";
    static final String HEADER = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger("io.downline.http.access");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    /** Set by Quarkus REST on the request's context when HTTP observability is on. */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private final HttpConfig config;

    public RequestLogFilter(HttpConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private void handle(RoutingContext rc) {
        long start = System.nanoTime();
        String header = rc.request().getHeader(HEADER);
        String requestId = header != null && SANE_ID.matcher(header).matches() ? header : java.util.UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, requestId);
        rc.response().putHeader(HEADER, requestId);
        Context context = Vertx.currentContext();
        String traceId = TraceContext.currentTraceId();
        rc.addEndHandler(done -> log(rc, context, start, requestId, traceId));
        rc.next();
    }

    private void log(RoutingContext rc, Context context, long start, String requestId, String traceId) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        String method = rc.request().method().name();
        String route = route(rc, context);
        int status = rc.response().getStatusCode();
        String caller = rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                ? user.getSecurityIdentity().getPrincipal().getName()
                : "anonymous";
        boolean slow = millis >= config.slowRequestThreshold().toMillis();
        boolean probe = rc.normalizedPath().startsWith("/q/");
        if (probe && !slow && !LOG.isDebugEnabled()) {
            return;
        }
        MDC.put(REQUEST_ID, requestId);
        MDC.put("http.method", method);
        MDC.put("http.route", route);
        MDC.put("http.status", status);
        MDC.put("http.duration_ms", millis);
        MDC.put("caller", caller);
        if (traceId != null) {
            MDC.put("traceId", traceId);
        }
        try {
            // Plain concatenation, not printf-style: this runs on every request and Formatter is costly.
            String line = method + " " + route + " " + status + " " + millis + "ms";
            if (slow) {
                LOG.warn(line + " caller=" + caller + " slow (over " + config.slowRequestThreshold().toMillis() + "ms)");
            } else if (probe) {
                LOG.debug(line);
            } else {
                LOG.info(line + " caller=" + caller);
            }
        } finally {
            MDC.remove("http.method");
            MDC.remove("http.route");
            MDC.remove("http.status");
            MDC.remove("http.duration_ms");
            MDC.remove("caller");
        }
    }

    private static String route(RoutingContext rc, Context context) {
        Object template = context == null ? null : context.getLocal(ROUTE_TEMPLATE);
        if (template != null) {
            return template.toString();
        }
        return rc.normalizedPath().startsWith("/q/") ? rc.normalizedPath() : "unmatched";
    }
}
