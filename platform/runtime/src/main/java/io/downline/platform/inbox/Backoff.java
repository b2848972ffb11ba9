package io.downline.platform.inbox;

import java.time.Duration;

/** Capped exponential back-off: initial, 2 × initial, 4 × initial, ... never more than max. */
public record Backoff(Duration initial, Duration max) {

    /** The delay after the given number of consecutive failures (1 for the first). */
    public Duration after(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
