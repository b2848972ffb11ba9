package io.downline.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.inbox")
public interface InboxConfig {

    /** Attempts per event before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Delay before the second attempt; doubles each time. */
    @WithDefault("100ms")
    Duration retryDelay();

    /** Processed-event ids are kept this long; longer than any redelivery window. */
    @WithDefault("P30D")
    Duration retention();
}
