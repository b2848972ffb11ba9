package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators rely on: readiness that checks the database and Kafka, OpenAPI, Prometheus metrics. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndTheKafkaChannels() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Messaging")));
    }

    @Test
    void openApiDescribesTheMemberApiWithBearerSecurity() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/members/{id}/downline"))
                .body(containsString("/api/teams"))
                .body(containsString("bearer"));
    }

    @Test
    void metricsExposeTheOutboxAndUnauditedStaffActions() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("downline_outbox_lag_seconds"))
                .body(containsString("downline_outbox_backlog"))
                .body(containsString("downline_staff_actions_unaudited_total 0.0"));
    }
}
