package io.downline.platform.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.DomainException;
import io.downline.platform.domain.NotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem response. Nothing internal reaches the caller: no stack
 * trace, SQL, or class name; unexpected errors are logged once, with their stack trace and the
 * correlation id the response carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_PREFIX = "urn:downline:problem:";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), uri);
    }

    /** The one place where a use case's refusal becomes an HTTP status. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof NotFoundException) {
            return respond(404, "not-found", "Not found", e.getMessage(), List.of(), uri);
        }
        if (e instanceof AccessDeniedException) {
            return respond(403, "forbidden", "Forbidden", e.getMessage(), List.of(), uri);
        }
        if (e instanceof ConflictException) {
            return respond(409, "conflict", "Conflict", e.getMessage(), List.of(), uri);
        }
        List<Problem.FieldError> errors = e instanceof BusinessRuleException rule
                ? rule.field().map(field -> List.of(new Problem.FieldError(field, e.getMessage()))).orElse(List.of())
                : List.of();
        return respond(422, "business-rule", "Request breaks a business rule", e.getMessage(), errors, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(400, "validation", "Invalid input", "The request has " + errors.size() + " invalid field(s)",
                errors, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-body", "Malformed request body",
                "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")",
                List.of(), uri);
    }

    /** Declared apart so it outranks Quarkus's own mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unmappableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + format.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        } else {
            message = "has the wrong type or shape";
        }
        return respond(400, "validation", "Invalid input", field + " " + message,
                List.of(new Problem.FieldError(field, message)), uri);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthenticated", "Authentication required",
                "A valid bearer token is required", List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your roles do not allow this action", List.of(), uri);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(409, "concurrent-update", "Conflict",
                "The resource was changed by another request; read it again and retry", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            // Quarkus REST turns a path or query parameter it cannot convert (page=two, id=abc) into a 404.
            return respond(400, "validation", "Invalid input",
                    "A path or query parameter has the wrong format", List.of(), uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 406 -> "No acceptable representation; this API speaks application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.fromResponse(respond(status, slug(status), type.getReasonPhrase(),
                detail, List.of(), uri));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof DomainException refusal) {
                return domain(refusal, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(409, "conflict", "Conflict", "The request conflicts with existing data", List.of(), uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentUpdate((RuntimeException) cause, uri);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String correlationId = correlationId();
        LOG.errorf(e, "Unexpected error on %s (correlation id %s)", uri.getPath(), correlationId);
        return respond(500, "internal", "Internal error",
                "The request could not be completed; quote correlation id " + correlationId + " to support",
                List.of(), uri);
    }

    /** A problem response in the suite's format, for code that answers without throwing (filters). */
    public static Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uri) {
        Problem body = new Problem(TYPE_PREFIX + slug, title, status, detail, uri == null ? null : uri.getPath(),
                correlationId(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    static String correlationId() {
        Object requestId = MDC.get(RequestLogFilter.REQUEST_ID);
        return requestId != null ? requestId.toString() : UUID.randomUUID().toString();
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }

    /** {@code register.request.email} becomes {@code email}; a query or path parameter keeps its name. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.size() > 1) {
            names.remove(0); // the body parameter's own name says nothing to the caller
        }
        return names.isEmpty() ? "request" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
