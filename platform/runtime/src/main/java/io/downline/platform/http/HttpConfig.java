package io.downline.platform.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.http")
public interface HttpConfig {

    /** Requests slower than this are logged as WARN and counted in {@code downline.http.slow.requests}. */
    @WithDefault("1s")
    Duration slowRequestThreshold();

    RateLimit rateLimit();

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests a caller (token subject, or client address when anonymous) may make per period. */
        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration period();

        /** Callers tracked at once; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxCallers();
    }
}
