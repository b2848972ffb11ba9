package io.downline.platform.http;

import java.util.List;

/**
 * A refusal built in the {@code rest} layer with its HTTP status (a malformed header, a bad query
 * parameter). Services never throw it: they throw {@code io.downline.platform.domain} exceptions.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    /** Well-formed input that breaks a business rule (the member is terminated, the target is in the past...). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "business-rule", "Request breaks a business rule", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
