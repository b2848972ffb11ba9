package io.downline.platform.http;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Counts slow requests with Micrometer's SLO bucket on Quarkus's own {@code http.server.requests} timer: the
 * bucket {@code le=<threshold>} holds the requests that met it, so per route
 * {@code http_server_requests_seconds_count - http_server_requests_seconds_bucket{le="<threshold>"}} is the
 * number of slow ones. A zero threshold counts every request as slow.
 */
public class SlowRequestSlo {

    static final String TIMER = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter slowRequestBucket(HttpConfig config) {
        Duration threshold = config.slowRequestThreshold().isZero() ? Duration.ofNanos(1) : config.slowRequestThreshold();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig statistics) {
                if (!TIMER.equals(id.getName())) {
                    return statistics;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives((double) threshold.toNanos())
                        .build()
                        .merge(statistics);
            }
        };
    }
}
