package io.downline.kyc.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.kyc.rest.dto.RewrapView;
import io.downline.kyc.service.KeyRotationService;
import io.downline.platform.security.Roles;

@Path("/api/kyc/admin/master-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KYC key rotation", description = "Re-wrapping the document keys with the active master key")
@RolesAllowed(Roles.ADMIN)
public class MasterKeyResource {

    private final KeyRotationService rotation;

    public MasterKeyResource(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    @POST
    @Path("/rewrap")
    @Operation(summary = "Re-wrap every document's data key with the active master key (documents are not re-encrypted)")
    public RewrapView rewrap() {
        return RewrapView.of(rotation.rewrapAll());
    }
}
