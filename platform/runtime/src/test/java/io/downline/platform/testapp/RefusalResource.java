package io.downline.platform.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;

/** Throws each kind of domain refusal, as a service would, for the problem-mapping tests. */
@Path("/test/refusals")
@PermitAll
public class RefusalResource {

    @GET
    @Path("/{kind}")
    public String refuse(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "not-found" -> NotFoundException.of("Widget", "w-1");
            case "conflict" -> new ConflictException("Widget w-1 is already archived");
            case "rule" -> new BusinessRuleException("Widgets cannot be renamed on Sundays");
            case "rule-field" -> new BusinessRuleException("name", "must not repeat the old name");
            case "denied" -> new AccessDeniedException("You may only access your own widgets");
            default -> new IllegalStateException("boom: internal detail");
        };
    }
}
