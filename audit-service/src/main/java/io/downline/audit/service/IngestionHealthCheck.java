package io.downline.audit.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.downline.platform.inbox.InboxConfig;

/** DOWN while a batch has been retried for longer than {@code downline.inbox.stuck-after}: the log is falling behind. */
@Readiness
@ApplicationScoped
public class IngestionHealthCheck implements HealthCheck {

    private final Ingestion ingestion;
    private final InboxConfig config;
    private final Clock clock;

    public IngestionHealthCheck(Ingestion ingestion, InboxConfig config, Clock clock) {
        this.ingestion = ingestion;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = ingestion.failingSince();
        boolean stuck = since != null && Duration.between(since, clock.instant()).compareTo(config.stuckAfter()) >= 0;
        return HealthCheckResponse.named("audit-ingestion").status(!stuck)
                .withData("failingSince", since == null ? "-" : since.toString()).build();
    }
}
