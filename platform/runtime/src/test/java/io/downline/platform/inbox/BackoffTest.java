package io.downline.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    @Test
    void doublesFromTheInitialDelay() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void neverExceedsTheCapHoweverLongItFails() {
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(25).plusMillis(600));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
