package io.downline.incentive.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.downline.incentive.domain.Award;
import io.downline.incentive.domain.Program;
import io.downline.incentive.rest.dto.AwardView;
import io.downline.incentive.service.AwardService;
import io.downline.incentive.service.ProgramService;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;

@Path("/api/incentives/programs/{id}/awards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incentive awards", description = "Awards of closed programs and their fulfilment")
public class AwardResource {

    private final AwardService awards;
    private final ProgramService programs;

    public AwardResource(AwardService awards, ProgramService programs) {
        this.awards = awards;
        this.programs = programs;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Award a closed program once: its winners under the winner cap get their tier's reward (admin; Idempotency-Key required)")
    public RestResponse<List<AwardView>> award(@PathParam("id") UUID id) {
        List<Award> made = awards.award(id);
        Program program = programs.get(id);
        return RestResponse.status(RestResponse.Status.CREATED, made.stream().map(a -> view(a, program)).toList());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "A program's awards and their fulfilment (admin, auditor)")
    public Page<AwardView> list(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Program program = programs.get(id);
        return awards.list(id, page, size).map(a -> view(a, program));
    }

    static AwardView view(Award award, Program program) {
        return AwardView.of(award, program.rules().tier(award.level()).name());
    }
}
