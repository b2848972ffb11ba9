package io.downline.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A consumer whose channel has several copies (concurrency) can retry records in two copies at once: it stays
 * stuck until every one of them is over, and one copy's success never clears another's failure.
 */
class ConsumerStatusTest {

    private static final String CONSUMER = "test-service:orders";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock();
    private final ConsumerStatus status = new ConsumerStatus(registry, clock);

    @BeforeEach
    void freeze() {
        clock.freezeAt(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aConsumerRetryingTwoRecordsIsStuckUntilBothAreOver() {
        status.failed(CONSUMER, "event-a", 1, new IllegalStateException("lock timeout a"));
        clock.advance(Duration.ofSeconds(5));
        status.failed(CONSUMER, "event-b", 1, new IllegalStateException("lock timeout b"));
        clock.advance(Duration.ofSeconds(5));

        assertThat(stuckGauge()).isEqualTo(1);
        assertThat(status.stuck(Duration.ZERO).get(CONSUMER).eventId()).as("the longest-failing record")
                .isEqualTo("event-a");
        assertThat(status.stuck(Duration.ofSeconds(8))).containsOnlyKeys(CONSUMER);

        status.recovered(CONSUMER, "event-a");
        assertThat(stuckGauge()).isEqualTo(1);
        assertThat(status.stuck(Duration.ZERO).get(CONSUMER).eventId()).isEqualTo("event-b");
        assertThat(status.stuck(Duration.ofSeconds(8))).as("event-b has failed for 5 s only").isEmpty();

        status.recovered(CONSUMER, "event-b");
        assertThat(stuckGauge()).isZero();
        assertThat(status.stuck(Duration.ZERO)).isEmpty();
    }

    @Test
    void aRecordFailingAgainKeepsWhenItStarted() {
        Instant start = clock.instant();
        status.failed(CONSUMER, "event-a", 1, new IllegalStateException("first"));
        clock.advance(Duration.ofSeconds(3));
        status.failed(CONSUMER, "event-a", 2, new IllegalStateException("second"));

        ConsumerStatus.Failing failing = status.stuck(Duration.ZERO).get(CONSUMER);
        assertThat(failing.since()).isEqualTo(start);
        assertThat(failing.failures()).isEqualTo(2);
        assertThat(failing.lastError()).isEqualTo("second");
    }

    private double stuckGauge() {
        return registry.get("downline.consumer.stuck").tag("consumer", CONSUMER).gauge().value();
    }
}
