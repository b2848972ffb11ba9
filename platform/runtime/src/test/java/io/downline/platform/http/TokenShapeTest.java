package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tests' tokens are shaped like Keycloak's and checked as in production: roles come from
 * {@code realm_access.roles} by quarkus-oidc's default mapping, and the audience is enforced.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class TokenShapeTest {

    @Test
    void tokensCarryKeycloaksClaims() throws Exception {
        JsonNode claims = new ObjectMapper().readTree(
                Base64.getUrlDecoder().decode(Tokens.member("shape-1", "ada@example.org").split("\\.")[1]));

        assertThat(claims.get("realm_access").get("roles").get(0).asText()).isEqualTo("member");
        assertThat(claims.has("groups")).isFalse();
        assertThat(claims.get("aud").asText()).isEqualTo(Tokens.AUDIENCE);
        assertThat(claims.get("azp").asText()).isEqualTo(Tokens.CLIENT);
        assertThat(claims.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(claims.get("email_verified").asBoolean()).isTrue();
        assertThat(claims.get("sub").asText()).isEqualTo("shape-1");
    }

    @Test
    void realmRolesGrantAccess() {
        given().auth().oauth2(Tokens.member("shape-member")).get("/test/http/members-only")
                .then().statusCode(200).body(equalTo("member"));
        given().auth().oauth2(Tokens.admin("shape-admin")).get("/test/http/staff-only")
                .then().statusCode(200).body(equalTo("staff"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String foreign = Tokens.builder("shape-foreign").roles("member").audience("another-api").sign();

        given().auth().oauth2(foreign).get("/test/http/members-only").then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String foreign = Tokens.builder("shape-issuer").roles("member").issuer("https://elsewhere.example").sign();

        given().auth().oauth2(foreign).get("/test/http/members-only").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Tokens.builder("shape-expired").roles("member").lifetime(Duration.ofHours(-1)).sign();

        given().auth().oauth2(expired).get("/test/http/members-only").then().statusCode(401);
    }

    @Test
    void aTokenWithoutEmailLeavesTheClaimOut() throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(
                Tokens.builder("shape-no-email").roles("finance").email(null).sign().split("\\.")[1]));

        assertThat(claims.has("email")).isFalse();
        assertThat(claims.has("email_verified")).isFalse();
        assertThat(claims.get("realm_access").get("roles").get(0).asText()).isEqualTo("finance");
    }
}
