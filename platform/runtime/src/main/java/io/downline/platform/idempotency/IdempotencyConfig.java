package io.downline.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "downline.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its stored response are kept; after that the key may be used again. */
    @WithDefault("24h")
    Duration retention();

    /** How long a repeat waits for the first request with its key to finish before it answers 409. */
    @WithName("wait")
    @WithDefault("10s")
    Duration waitFor();

    /** How often expired keys are deleted. */
    @WithDefault("15m")
    Duration purgeEvery();
}
