package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document every service inherits: a client generator's needs (unique ids, server, problems). */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OpenApiDocumentTest {

    private JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void everyRefusalOfAnOperationIsDeclaredAsAProblem() throws Exception {
        JsonNode doc = document();
        assertThat(doc.at("/components/schemas/Problem/properties").has("correlationId")).isTrue();

        JsonNode responses = doc.at("/paths/~1admin~1dead-letters~1{channel}~1redrive/post/responses");
        assertThat(responses.fieldNames()).toIterable().contains("400", "401", "403", "404", "409", "422");
        for (String status : List.of("400", "401", "403", "404", "409", "422")) {
            assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        JsonNode read = doc.at("/paths/~1test~1refusals~1{kind}/get/responses");
        assertThat(read.has("404")).isTrue();
        assertThat(read.has("409")).as("a read changes nothing, so it is never refused for a conflict").isFalse();
    }

    @Test
    void operationIdsAreUniqueAndAServerIsDeclared() throws Exception {
        JsonNode doc = document();
        List<String> ids = new ArrayList<>();
        doc.get("paths").forEach(item -> item.forEach(operation -> {
            if (operation.has("operationId")) {
                ids.add(operation.get("operationId").asText());
            }
        }));
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
    }
}
