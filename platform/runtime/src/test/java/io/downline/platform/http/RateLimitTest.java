package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The per-caller rate limit, on {@code /test/limited} whose own limit is 3 requests per hour. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class RateLimitTest {

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterAndAnotherCallerIsUnaffected() {
        String greedy = Tokens.member("limit-greedy");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(greedy).get("/test/limited").then().statusCode(200);
        }

        var refused = given().auth().oauth2(greedy).get("/test/limited")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:downline:problem:too-many-requests"))
                .body("status", equalTo(429))
                .extract();

        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        given().auth().oauth2(Tokens.member("limit-patient")).get("/test/limited").then().statusCode(200);
    }

    @Test
    void aPathLimitLeavesOtherPathsToTheGeneralLimit() {
        String busy = Tokens.member("limit-busy");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(busy).get("/test/limited").then().statusCode(200);
        }
        given().auth().oauth2(busy).get("/test/limited").then().statusCode(429);

        given().auth().oauth2(busy).get("/test/http/members-only").then().statusCode(200);
    }
}
