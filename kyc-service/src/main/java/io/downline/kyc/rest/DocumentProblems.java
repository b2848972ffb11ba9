package io.downline.kyc.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.downline.kyc.domain.DocumentRejected;
import io.downline.platform.http.Problem;
import io.downline.platform.http.ProblemMappers;

/** A refused upload as a problem: empty or unreadable 400, too large 413, not an accepted type 415. */
public class DocumentProblems {

    @ServerExceptionMapper
    public Response rejected(DocumentRejected e, UriInfo uri) {
        return switch (e.reason()) {
            case EMPTY -> ProblemMappers.respond(400, "document-empty", "Empty document", e.getMessage(),
                    List.of(new Problem.FieldError("file", e.getMessage())), uri);
            case UNREADABLE -> ProblemMappers.respond(400, "document-unreadable", "Document does not open",
                    e.getMessage(), List.of(new Problem.FieldError("file", e.getMessage())), uri);
            case TOO_LARGE -> ProblemMappers.respond(413, "payload-too-large", "Payload Too Large", e.getMessage(),
                    List.of(), uri);
            case UNSUPPORTED_TYPE -> ProblemMappers.respond(415, "unsupported-media-type", "Unsupported Media Type",
                    e.getMessage(), List.of(), uri);
        };
    }
}
