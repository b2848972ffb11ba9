package io.downline.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Who is acting, wherever the code runs: in an HTTP request, the token's subject ({@link Caller#subject()});
 * in a scheduled job or a Kafka consumer, {@code system:<service>}. {@link Caller} is request-scoped and
 * only means something in an HTTP request; code that runs both ways (a use case called by an endpoint and by
 * a consumer) takes its actor from here.
 */
@ApplicationScoped
public class Actor {

    private final Caller caller;
    private final CurrentVertxRequest request;
    private final ServiceConfig service;

    public Actor(Caller caller, CurrentVertxRequest request, ServiceConfig service) {
        this.caller = caller;
        this.request = request;
        this.service = service;
    }

    /** The subject of the caller in an HTTP request, else {@link #system()}. */
    public String current() {
        return inHttpRequest() ? caller.subject() : system();
    }

    /** The service itself, e.g. {@code system:user-service}. */
    public String system() {
        return "system:" + service.name();
    }

    /**
     * A request context is also active in tests and may be in consumers; only an HTTP request has a current
     * Vert.x request.
     */
    boolean inHttpRequest() {
        return Arc.container().requestContext().isActive() && request.getCurrent() != null;
    }
}
