package io.downline.platform.http;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.http")
public interface HttpConfig {

    /**
     * Requests slower than this are logged as WARN; the SLO bucket {@code le=<threshold>} of
     * {@code http.server.requests} counts the ones that were not (see {@link SlowRequestSlo}).
     */
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

        /**
         * Stricter limits for paths that cost more (registration, exports), by path prefix, counted per caller
         * apart from the general limit, which such requests also use: e.g.
         * {@code downline.http.rate-limit.paths."/api/members".requests=20}.
         */
        Map<String, PathLimit> paths();
    }

    interface PathLimit {
        long requests();

        @WithDefault("1m")
        Duration period();
    }
}
