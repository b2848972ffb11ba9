package io.downline.platform.idempotency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where repeats wait for the first request with their key. A first request that finishes on this instance
 * wakes them at once; one that runs on another instance is noticed by re-reading the key every
 * {@link #POLL}. The number of waiting repeats is the gauge {@code downline.idempotency.waiting}.
 */
@ApplicationScoped
public class IdempotencyWaits {

    static final Duration POLL = Duration.ofMillis(250);

    private final Object signal = new Object();
    private final AtomicInteger waiting = new AtomicInteger();

    public IdempotencyWaits(MeterRegistry registry) {
        Gauge.builder("downline.idempotency.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for the first request with their Idempotency-Key to finish")
                .register(registry);
    }

    /** Repeats waiting right now. */
    public int waiting() {
        return waiting.get();
    }

    void enter() {
        waiting.incrementAndGet();
    }

    void leave() {
        waiting.decrementAndGet();
    }

    /** Sleeps until a first request finishes on this instance, or the poll interval or {@code nanos} runs out. */
    void pause(long nanos) {
        synchronized (signal) {
            try {
                TimeUnit.NANOSECONDS.timedWait(signal, Math.min(nanos, POLL.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void finished() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
