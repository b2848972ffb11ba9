package io.downline.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.audit.service.ChainVerification;
import io.downline.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/audit/verification")
@Authenticated
@Tag(name = "Audit log", description = "Every event and admin action, hash-chained: search, export, verification")
public class VerificationResource {

    private final ChainVerification verification;

    public VerificationResource(ChainVerification verification) {
        this.verification = verification;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the whole chain or a range of it, with the signed checkpoints inside: INTACT with the "
            + "head hash, or BROKEN with the first entry whose link does not hold")
    public VerificationView verify(@QueryParam("from") @Min(1) Long from, @QueryParam("to") @Min(1) Long to) {
        return VerificationView.of(verification.verify(from, to));
    }
}
