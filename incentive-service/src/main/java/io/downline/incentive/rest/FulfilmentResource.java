package io.downline.incentive.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.incentive.domain.Award;
import io.downline.incentive.domain.FulfilmentStatus;
import io.downline.incentive.rest.dto.AwardView;
import io.downline.incentive.rest.dto.FulfilmentRequest;
import io.downline.incentive.service.AwardService;
import io.downline.incentive.service.ProgramService;
import io.downline.platform.security.Roles;

@Path("/api/incentives/awards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incentive awards", description = "Awards of closed programs and their fulfilment")
public class FulfilmentResource {

    private final AwardService awards;
    private final ProgramService programs;

    public FulfilmentResource(AwardService awards, ProgramService programs) {
        this.awards = awards;
        this.programs = programs;
    }

    @PUT
    @Path("/{awardId}/fulfilment")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move an item award's fulfilment forward: PENDING → SHIPPED → DELIVERED (admin)")
    public AwardView fulfil(@PathParam("awardId") UUID awardId, @NotNull @Valid FulfilmentRequest request) {
        Award award = awards.fulfil(awardId, FulfilmentStatus.valueOf(request.status()));
        return AwardResource.view(award, programs.get(award.programId()));
    }

}
