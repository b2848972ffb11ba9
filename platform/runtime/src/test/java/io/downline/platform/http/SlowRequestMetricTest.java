package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Slow requests are counted by the SLO bucket at the threshold (250 ms in the test application) on
 * {@code http.server.requests}: requests over it are the count minus the bucket.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SlowRequestMetricTest {

    private static final String ROUTE = "/test/http/slow";

    @Inject
    MeterRegistry registry;
    @Inject
    HttpConfig config;

    @Test
    void aRequestOverTheThresholdIsCountedAsSlowAndAFastOneIsNot() {
        long total = total();
        long slow = slow();

        given().queryParam("seconds", 0).get(ROUTE).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> total() == total + 1);
        assertThat(slow()).isEqualTo(slow);

        given().queryParam("seconds", 0.3).get(ROUTE).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> total() == total + 2);
        assertThat(slow()).isEqualTo(slow + 1);
    }

    @Test
    void prometheusExposesTheThresholdBucket() {
        given().queryParam("seconds", 0).get(ROUTE).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("http_server_requests_seconds_bucket\\{(?=[^}]*uri=\"" + ROUTE + "\")(?=[^}]*le=\"0\\.25\")"));
    }

    private long total() {
        return registry.find(SlowRequestSlo.TIMER).tag("uri", ROUTE).timers().stream().mapToLong(Timer::count).sum();
    }

    private long slow() {
        double threshold = config.slowRequestThreshold().toNanos();
        long slow = 0;
        for (Timer timer : registry.find(SlowRequestSlo.TIMER).tag("uri", ROUTE).timers()) {
            long withinThreshold = 0;
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                if (bucket.bucket(TimeUnit.NANOSECONDS) == threshold) {
                    withinThreshold = (long) bucket.count();
                }
            }
            slow += timer.count() - withinThreshold;
        }
        return slow;
    }
}
