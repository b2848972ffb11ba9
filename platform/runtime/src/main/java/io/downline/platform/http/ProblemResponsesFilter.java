package io.downline.platform.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares the suite's RFC 9457 problem responses on every operation of every service's OpenAPI document, so
 * that a generated client knows the error shape: the {@code Problem} schema, and per operation the refusals it
 * can answer with (400 when it takes input, 401/403 when it is secured, 404 when its path names something,
 * 409/422 when it changes something, 429 under the rate limit). Runs at build, so the exported document has them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid input: the problem lists the field errors",
            "401", "No valid bearer token",
            "403", "The token's roles or member do not allow this",
            "404", "Not found",
            "409", "Not allowed in the current state, or a concurrent change won",
            "422", "A business rule refuses it",
            "429", "Too many requests: retry after the Retry-After header");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> declareProblems(path, method, operation)));
    }

    private static void declareProblems(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || path.contains("{");
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        if (takesInput) {
            ensure(responses, "400");
        }
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        if (changes) {
            ensure(responses, "409");
            ensure(responses, "422");
        }
        if (path.startsWith("/api/")) {
            ensure(responses, "429");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                describeAsProblem(status, response);
            }
        });
        operation.setResponses(responses);
    }

    private static void ensure(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static void describeAsProblem(String status, APIResponse response) {
        String generic = DESCRIPTIONS.getOrDefault(status, "Error");
        if (response.getDescription() == null || response.getDescription().isBlank()
                || List.of("Not Authorized", "Not Allowed", "Bad Request").contains(response.getDescription())) {
            response.setDescription(generic);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
            response.setContent(content);
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Where the invalid input is: a body field, a path or query parameter"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (media type application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("correlationId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Quote it to support: the same id is in the service's logs"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("title", "status"));
    }
}
