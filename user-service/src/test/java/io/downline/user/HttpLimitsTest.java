package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The HTTP hardening every service gets from the platform: rate limit, slow-request metric, body limit, CORS. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@TestProfile(HttpLimitsTest.TightLimits.class)
class HttpLimitsTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("downline.http.rate-limit.requests", "5",
                    "downline.http.rate-limit.period", "1m",
                    "downline.http.slow-request-threshold", "0ms",
                    "quarkus.http.cors.origins", "https://app.downline.example");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String greedy = Tokens.member("sub-greedy");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(greedy).get("/api/members/me").then().statusCode(404);
        }
        var refused = given().auth().oauth2(greedy).get("/api/members/me")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        given().auth().oauth2(Tokens.member("sub-patient")).get("/api/members/me").then().statusCode(404);
    }

    @Test
    void slowRequestsAreCounted() {
        double before = slowCount();
        given().auth().oauth2(Tokens.member("sub-slow")).get("/api/members/me").then().statusCode(404);
        given().auth().oauth2(Tokens.member("sub-slow")).get("/api/members/me").then().statusCode(404);
        // The timer records when the response has ended, which can be after the client has read it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slowCount()).isGreaterThanOrEqualTo(before + 2));
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        String huge = "x".repeat(2 * 1024 * 1024);
        int status = given().auth().oauth2(Tokens.member("sub-big")).contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.com", "name", huge, "country", "US", "referralCode", "DOWNLINE"))
                .post("/api/members")
                .then().extract().statusCode();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        given().header("Origin", "https://app.downline.example").header("Access-Control-Request-Method", "GET")
                .options("/api/members/me")
                .then().header("Access-Control-Allow-Origin", "https://app.downline.example");
        var foreign = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/members/me")
                .then().extract();
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    /**
     * Requests over the threshold: each timer's count minus its SLO bucket at the threshold (the smallest). All
     * routes: Quarkus tags a 404 answer {@code uri="NOT_FOUND"}, whatever its route.
     */
    private double slowCount() {
        double slow = 0;
        for (Timer timer : registry.find("http.server.requests").timers()) {
            CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
            slow += timer.count() - (buckets.length == 0 ? 0 : buckets[0].count());
        }
        return slow;
    }
}
