package io.downline.audit.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.audit.domain.NewEntry;
import io.downline.platform.inbox.Backoff;
import io.downline.platform.inbox.InboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Appends a consumed batch, holding the partitions until it is in: a failure (database down, a lost connection)
 * is retried with the platform's capped back-off ({@code downline.inbox.retry.*}) for as long as it takes, each
 * attempt in a new transaction, and the batch is acknowledged only after its commit. Metrics:
 * {@code audit_ingest_appended_total}, {@code audit_ingest_duplicates_total}, {@code audit_ingest_retries_total},
 * {@code audit_ingest_stuck} (1 while a batch is being retried), {@code audit_chain_head}.
 */
@ApplicationScoped
public class Ingestion {

    private static final Logger LOG = Logger.getLogger(Ingestion.class);

    private final AuditAppender appender;
    private final InboxConfig config;
    private final Clock clock;
    private final Counter appended;
    private final Counter duplicates;
    private final Counter retries;
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private volatile long head;

    public Ingestion(AuditAppender appender, InboxConfig config, Clock clock, MeterRegistry registry) {
        this.appender = appender;
        this.config = config;
        this.clock = clock;
        this.appended = registry.counter("audit.ingest.appended");
        this.duplicates = registry.counter("audit.ingest.duplicates");
        this.retries = registry.counter("audit.ingest.retries");
        Gauge.builder("audit.ingest.stuck", failingSince, since -> since.get() == null ? 0 : 1).register(registry);
        Gauge.builder("audit.chain.head", this, ingestion -> ingestion.head).register(registry);
    }

    public void append(List<NewEntry> batch) {
        Backoff backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay());
        for (int failures = 0;;) {
            try {
                AuditAppender.Appended result = appender.append(batch);
                failingSince.set(null);
                appended.increment(result.appended());
                duplicates.increment(result.duplicates());
                if (result.appended() > 0) {
                    head = result.head();
                }
                return;
            } catch (RuntimeException e) {
                failures++;
                retries.increment();
                failingSince.compareAndSet(null, clock.instant());
                Duration delay = backoff.after(failures);
                LOG.warnf(failures == 1 ? e : null, "Appending a batch of %d events failed (%d failures); retrying in %s: %s",
                        batch.size(), failures, delay, e.getMessage());
                Backoff.pause(delay);
            }
        }
    }

    /** Since when the current batch has been failing, or null. */
    public Instant failingSince() {
        return failingSince.get();
    }
}
