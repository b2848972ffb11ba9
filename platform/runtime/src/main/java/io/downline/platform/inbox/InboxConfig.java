package io.downline.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.inbox")
public interface InboxConfig {

    /** Back-off between attempts at a record that failed for a reason that may pass (database down, deadlock). */
    Retry retry();

    /** A consumer that has been retrying one record this long is reported stuck: readiness check DOWN. */
    @WithDefault("30s")
    Duration stuckAfter();

    /** Processed-event ids are kept this long; longer than any redelivery window. */
    @WithDefault("P30D")
    Duration retention();

    /** Parked (out-of-order) events. */
    ParkingConfig parking();

    interface ParkingConfig {

        /** How often every parked event is retried, besides the releases (read by {@link Parking}'s schedule). */
        @WithDefault("10s")
        Duration sweepEvery();
    }

    interface Retry {

        /** Delay before the second attempt; doubles after each failure. */
        @WithDefault("100ms")
        Duration initialDelay();

        /** The delay never grows beyond this. There is no attempt limit: the record is held until it applies. */
        @WithDefault("30s")
        Duration maxDelay();
    }
}
