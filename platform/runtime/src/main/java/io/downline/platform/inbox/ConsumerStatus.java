package io.downline.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which consumers are retrying a record right now, for the {@code consumers} readiness check, and the
 * consumers' metrics: {@code downline_consumer_stuck} (1 while a consumer retries a record),
 * {@code downline_consumer_retries_total}, {@code downline_consumer_dead_lettered_total} and
 * {@code downline_consumer_skipped_total} (by reason).
 */
@ApplicationScoped
public class ConsumerStatus {

    /** One consumer's current run of failures on one record. */
    public record Failing(String eventId, Instant since, int failures, String lastError) {
    }

    /**
     * A consumer's record being retried. Keyed by the event too: a channel with {@code concurrency} runs one
     * copy of the consumer per partition set, and one copy's success must not clear another copy's failure.
     */
    private record Retry(String consumer, String eventId) {
    }

    private final Map<Retry, Failing> failing = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    public ConsumerStatus(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void failed(String consumer, String eventId, int failures, Throwable error) {
        Gauge.builder("downline.consumer.stuck", failing, map -> retrying(map, consumer) ? 1 : 0)
                .description("1 while the consumer retries a record that failed for a transient reason")
                .tag("consumer", consumer)
                .register(registry);
        failing.compute(new Retry(consumer, eventId), (retry, current) -> new Failing(eventId,
                current == null ? clock.instant() : current.since(), failures, String.valueOf(error.getMessage())));
        counter("downline.consumer.retries", consumer).increment();
    }

    /** The record's retries are over (applied, parked or dead-lettered). */
    void recovered(String consumer, String eventId) {
        failing.remove(new Retry(consumer, eventId));
    }

    void deadLettered(String consumer) {
        counter("downline.consumer.dead.lettered", consumer).increment();
    }

    void skipped(String consumer, String reason) {
        registry.counter("downline.consumer.skipped", "consumer", consumer, "reason", reason).increment();
    }

    /**
     * Consumers that have been failing on one record for at least {@code after}, each with its longest-failing
     * record.
     */
    public Map<String, Failing> stuck(Duration after) {
        Instant limit = clock.instant().minus(after);
        Map<String, Failing> stuck = new ConcurrentHashMap<>();
        failing.forEach((retry, state) -> {
            if (!state.since().isAfter(limit)) {
                stuck.merge(retry.consumer(), state, (one, other) -> one.since().isAfter(other.since()) ? other : one);
            }
        });
        return stuck;
    }

    private static boolean retrying(Map<Retry, Failing> failing, String consumer) {
        return failing.keySet().stream().anyMatch(retry -> retry.consumer().equals(consumer));
    }

    private Counter counter(String name, String consumer) {
        return registry.counter(name, "consumer", consumer);
    }
}
