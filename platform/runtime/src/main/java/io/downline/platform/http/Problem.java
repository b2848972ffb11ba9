package io.downline.platform.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, as every error response of the suite carries it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is ({@code email}, {@code address.country}, query {@code size}) and why. */
    public record FieldError(String field, String message) {
    }
}
