package io.downline.platform.inbox;

import java.time.Duration;

import org.jboss.logging.Logger;

/** Capped exponential back-off: initial, 2 × initial, 4 × initial, ... never more than max. */
public record Backoff(Duration initial, Duration max) {

    private static final Logger LOG = Logger.getLogger(Backoff.class);

    /** The delay after the given number of consecutive failures (1 for the first). */
    public Duration after(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /**
     * Waits the whole delay before the next attempt. An interrupt does not end the wait early: a consumer that
     * stopped waiting would acknowledge or dead-letter what is still unapplied; the record stays unacknowledged
     * and is redelivered after a restart.
     */
    public static void pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                LOG.debug("Interrupted while waiting to retry; what is being retried stays unacknowledged");
            }
        }
    }
}
