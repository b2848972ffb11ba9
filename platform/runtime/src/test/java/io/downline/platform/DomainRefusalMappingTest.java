package io.downline.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each domain refusal a service throws becomes its RFC 9457 problem, and nothing internal leaks. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class DomainRefusalMappingTest {

    @ParameterizedTest
    @CsvSource({
            "not-found, 404, urn:downline:problem:not-found, Widget w-1 does not exist",
            "conflict, 409, urn:downline:problem:conflict, Widget w-1 is already archived",
            "rule, 422, urn:downline:problem:business-rule, Widgets cannot be renamed on Sundays",
            "denied, 403, urn:downline:problem:forbidden, You may only access your own widgets" })
    void refusalBecomesItsProblem(String kind, int status, String type, String detail) {
        given().when().get("/test/refusals/" + kind)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body("detail", equalTo(detail))
                .body("instance", equalTo("/test/refusals/" + kind))
                .body("correlationId", notNullValue())
                .body("errors", nullValue());
    }

    @Test
    void ruleAboutOneFieldNamesTheField() {
        given().when().get("/test/refusals/rule-field")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not repeat the old name"));
    }

    @Test
    void unexpectedFailureIsA500WithoutInternals() {
        given().when().get("/test/refusals/other")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("correlation id"))
                .body("detail", not(containsString("boom")));
    }
}
