package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The problem-mapping table: each refusal the HTTP layer can produce is its RFC 9457 problem. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ProblemMappingTest {

    private static final String MEMBER = Tokens.member("http-member");

    @Test
    void invalidFieldsAre400WithOneErrorPerField() {
        problem(given().auth().oauth2(MEMBER).contentType(ContentType.JSON).body("{\"name\":\" \"}")
                .queryParam("size", 0).post("/test/http/widgets").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("name", "size"));
    }

    @Test
    void malformedJsonIs400() {
        problem(given().auth().oauth2(MEMBER).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/test/http/widgets").then(), 400, "malformed-body");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        problem(given().auth().oauth2(MEMBER).contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"red\"}")
                .post("/test/http/widgets").then(), 400, "validation")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void noTokenIs401() {
        problem(given().get("/test/http/members-only").then(), 401, "unauthenticated")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIs401() {
        String[] parts = Tokens.member("http-forger").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"member\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        problem(given().auth().oauth2(forged).get("/test/http/staff-only").then(), 401, "unauthenticated");
    }

    @Test
    void aRoleThatDoesNotAllowTheActionIs403() {
        problem(given().auth().oauth2(MEMBER).get("/test/http/staff-only").then(), 403, "forbidden");
    }

    @Test
    void anUnknownPathIs404() {
        problem(given().auth().oauth2(MEMBER).get("/test/http/nowhere").then(), 404, "not-found");
    }

    @Test
    void aMethodThePathDoesNotOfferIs405() {
        problem(given().auth().oauth2(MEMBER).get("/test/http/widgets").then(), 405, "method-not-allowed");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\":\"" + "x".repeat(100 * 1024) + "\"}";
        problem(given().auth().oauth2(MEMBER).contentType(ContentType.JSON).body(huge)
                .post("/test/http/widgets").then(), 413, "payload-too-large");
    }

    @Test
    void aContentTypeTheEndpointDoesNotReadIs415() {
        problem(given().auth().oauth2(MEMBER).contentType(ContentType.TEXT).body("name=a")
                .post("/test/http/widgets").then(), 415, "unsupported-media-type");
    }

    @Test
    void aDuplicateRowIs409WithoutSql() {
        UUID id = UUID.randomUUID();
        given().put("/test/http/widgets/" + id).then().statusCode(200);
        problem(given().put("/test/http/widgets/" + id).then(), 409, "conflict")
                .body("detail", not(containsString("widget_pkey")))
                .body("detail", not(containsString("INSERT")));
    }

    @Test
    void anUpdateLostToAConcurrentChangeIs409() {
        UUID id = UUID.randomUUID();
        given().put("/test/http/widgets/" + id).then().statusCode(200);
        problem(given().post("/test/http/widgets/" + id + "/rename-while-deleted").then(), 409, "concurrent-update");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("urn:downline:problem:" + slug))
                .body("title", notNullValue())
                .body("correlationId", notNullValue());
    }
}
