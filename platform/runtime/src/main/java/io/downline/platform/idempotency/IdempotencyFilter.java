package io.downline.platform.idempotency;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.downline.platform.audit.AuditTrail;
import io.downline.platform.http.ProblemMappers;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The HTTP side of {@link Idempotent}: the request filter reads the key and the request's fingerprint and turns
 * the {@link IdempotencyKeys} outcome into a response (or lets the request run in the transaction that claims
 * the key); the response filter stores what the first request answered and commits, or rolls the claim back with
 * the request's effect when it failed.
 */
@Provider
@Idempotent
@Priority(Priorities.USER + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final int MAX_KEY_LENGTH = 255;
    /** Answers about the caller's credentials or the moment, not about the request: a retry must run again. */
    private static final Set<Integer> RELEASING = Set.of(401, 403, 408, 409, 425, 429);

    private final IdempotencyKeys keys;
    private final CurrentIdentityAssociation identity;
    private final AuditTrail trail;

    @Context
    ResourceInfo resource;

    public IdempotencyFilter(IdempotencyKeys keys, CurrentIdentityAssociation identity, AuditTrail trail) {
        this.keys = keys;
        this.identity = identity;
        this.trail = trail;
    }

    private record Claim(String caller, String key, String fingerprint, Outcome.Run run) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new IllegalStateException("@Idempotent needs a blocking endpoint: it waits on the database");
        }
        SecurityIdentity caller = identity.getIdentity();
        if (caller.isAnonymous()) {
            // Keys are scoped to a caller: an anonymous request has none, and the endpoint's security decides.
            return;
        }
        String key = key(request.getHeaderString(Idempotent.HEADER));
        if (key == null) {
            if (required()) {
                request.abortWith(refusal(400, "idempotency-key-missing", "Idempotency-Key required",
                        "This request must carry an Idempotency-Key header (a unique value, e.g. a UUID, per operation)",
                        request));
            }
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            request.abortWith(refusal(400, "validation", "Invalid input",
                    "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters", request));
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // Streamed: an upload is hashed and spooled to a temporary file, never held in memory whole.
        RequestFingerprint.Read body = RequestFingerprint.read(request.getMethod(), target, request.getEntityStream(),
                multipartBoundary(request.getMediaType()));
        request.setEntityStream(body.body());
        String callerName = caller.getPrincipal().getName();
        Outcome outcome = keys.begin(callerName, key, body.fingerprint());
        if (outcome instanceof Outcome.Run run) {
            request.setProperty(CLAIM, new Claim(callerName, key, body.fingerprint(), run));
        } else if (outcome instanceof Outcome.Replay replay) {
            // The first request made (and audited) the change; its replay changes nothing.
            trail.markUnchanged();
            request.abortWith(replay(replay.response()));
        } else if (outcome instanceof Outcome.OtherRequest) {
            request.abortWith(refusal(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new operation", request));
        } else {
            request.abortWith(refusal(409, "idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry later", request));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        if (response.getStatus() >= 500 || RELEASING.contains(response.getStatus())) {
            keys.abandon(claim.run());
            return;
        }
        StoredResponse answer;
        try {
            answer = freeze(response);
        } catch (RuntimeException e) {
            keys.abandon(claim.run());
            throw e;
        }
        if (!keys.rollbackOnly(claim.run())) {
            keys.finish(claim.run(), claim.caller(), claim.key(), answer);
            return;
        }
        // A refusal the business threw (400, 422): its transaction rolls back, then the answer is stored under the
        // key on its own. A duplicate that claimed the key in between decides the answer for both.
        keys.abandon(claim.run());
        Outcome again = keys.begin(claim.caller(), claim.key(), claim.fingerprint());
        if (again instanceof Outcome.Run run) {
            keys.finish(run, claim.caller(), claim.key(), answer);
        } else if (again instanceof Outcome.Replay replay) {
            replace(response, replay.response());
        }
    }

    /**
     * Serialises the entity here, so that the first caller and every repeat receive the very same bytes, and
     * collects the headers the resource set (Location, ...) with the content type.
     */
    private StoredResponse freeze(ContainerResponseContext response) {
        MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        byte[] body = keys.serialize(response.getEntity());
        if (response.hasEntity()) {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.put(name, List.copyOf(values));
            }
        });
        if (response.hasEntity()) {
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(type.toString()));
        }
        return new StoredResponse(response.getStatus(), headers, body);
    }

    private static void replace(ContainerResponseContext response, StoredResponse stored) {
        response.getHeaders().clear();
        stored.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        response.setStatus(stored.status());
        response.setEntity(stored.body().length > 0 ? stored.body() : null);
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status());
        stored.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (stored.body().length > 0) {
            builder.entity(stored.body());
        }
        return builder.build();
    }

    /** The boundary of a multipart body (chosen anew by the client for each attempt), else null. */
    private static String multipartBoundary(MediaType type) {
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return null;
        }
        return type.getParameters().get("boundary");
    }

    private boolean required() {
        Idempotent onMethod = resource.getResourceMethod().getAnnotation(Idempotent.class);
        Idempotent spec = onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Idempotent.class);
        return spec == null || spec.required();
    }

    /** The header's value; the draft sends it as a structured-field string ({@code "…"}), plain is accepted too. */
    private static String key(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Response refusal(int status, String slug, String title, String detail,
            ContainerRequestContext request) {
        return ProblemMappers.respond(status, slug, title, detail, List.of(), request.getUriInfo());
    }
}
