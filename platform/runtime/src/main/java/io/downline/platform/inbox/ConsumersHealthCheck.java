package io.downline.platform.inbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a consumer has been retrying one record for longer than {@code downline.inbox.stuck-after}:
 * its partition does not move, so what the service shows from that topic is getting stale. Readiness, not
 * liveness: a restart would not help a database that is down, it would only add load.
 */
@Readiness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    private final ConsumerStatus status;
    private final InboxConfig config;

    public ConsumersHealthCheck(ConsumerStatus status, InboxConfig config) {
        this.status = status;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerStatus.Failing> stuck = status.stuck(config.stuckAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").status(stuck.isEmpty());
        stuck.forEach((consumer, failing) -> response.withData(consumer, "retrying event " + failing.eventId()
                + " since " + failing.since() + " (" + failing.failures() + " failures): " + failing.lastError()));
        return response.build();
    }
}
