package io.downline.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Relay metrics: lag (commit-to-acknowledgement), backlog (rows waiting to be sent), parked rows (waiting for an
 * operator; alert on any), published and failed counts.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final Timer lag;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.lag = Timer.builder("downline.outbox.lag")
                .description("Time from the outbox insert to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        this.published = Counter.builder("downline.outbox.published").description("Events acknowledged by the broker")
                .register(registry);
        this.failed = Counter.builder("downline.outbox.failed").description("Send attempts that failed and will be retried")
                .register(registry);
        Gauge.builder("downline.outbox.backlog", backlog, AtomicLong::get).description("Outbox rows not yet published")
                .register(registry);
        Gauge.builder("downline.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after repeated refusals; each holds its aggregate back until released")
                .register(registry);
    }

    void published(Duration sinceCreated) {
        published.increment();
        lag.record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
    }

    void failed() {
        failed.increment();
    }

    void backlog(long rows) {
        backlog.set(rows);
    }

    void parked(long rows) {
        parked.set(rows);
    }
}
