package io.downline.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.audit.domain.SigningKey;
import io.downline.audit.service.Checkpoints;
import io.downline.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit checkpoints", description = "Signed checkpoints of the chain head and the key that signs them")
public class CheckpointResource {

    private final Checkpoints checkpoints;

    public CheckpointResource(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Signed checkpoints of the chain's head, newest first")
    public List<CheckpointView> checkpoints(@QueryParam("before") @Min(1) Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return checkpoints.list(before, limit).stream().map(CheckpointView::of).toList();
    }

    @GET
    @Path("/public-key")
    @Operation(summary = "The Ed25519 public key that signs checkpoints (any signed-in caller)")
    public PublicKeyView publicKey() {
        SigningKey key = checkpoints.key();
        return new PublicKeyView("Ed25519", key.keyId(), key.publicKeyBase64(), key.publicKeyPem());
    }
}
