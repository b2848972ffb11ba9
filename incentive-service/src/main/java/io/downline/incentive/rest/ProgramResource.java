package io.downline.incentive.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.domain.ProgramStatus;
import io.downline.incentive.rest.dto.ProgramRequest;
import io.downline.incentive.rest.dto.ProgramView;
import io.downline.incentive.service.ProgramService;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;

@Path("/api/incentives/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incentive programs", description = "Incentive programs: drafts, publication, closing")
public class ProgramResource {

    private final ProgramService programs;
    private final IncentiveConfig config;

    public ProgramResource(ProgramService programs, IncentiveConfig config) {
        this.programs = programs;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent(required = false)
    @Operation(summary = "Create a draft program: window, eligibility, tiers with criteria and rewards, winner cap (admin)")
    public Response create(@NotNull @Valid ProgramRequest request) {
        ProgramView program = view(programs.create(request.toDefinition()));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION,
                "/api/incentives/programs/" + program.id()).entity(program).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a draft's definition; a published program's rules do not change (admin)")
    public ProgramView update(@PathParam("id") UUID id, @NotNull @Valid ProgramRequest request) {
        return view(programs.update(id, request.toDefinition()));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a draft: its rules freeze and the engine starts counting (admin)")
    public ProgramView publish(@PathParam("id") UUID id) {
        return view(programs.publish(id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close a published program after its window: qualifications become final (admin)")
    public ProgramView close(@PathParam("id") UUID id) {
        return view(programs.close(id));
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Programs: staff see all (optionally by status); a member sees the published programs open to them")
    public Page<ProgramView> list(
            @QueryParam("status") @Pattern(regexp = "DRAFT|PUBLISHED|CLOSED", message = "must be DRAFT, PUBLISHED or CLOSED") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return programs.list(status == null ? null : ProgramStatus.valueOf(status), page, size).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "A program with its rules (drafts for staff only)")
    public ProgramView get(@PathParam("id") UUID id) {
        return view(programs.get(id));
    }

    private ProgramView view(io.downline.incentive.domain.Program program) {
        return ProgramView.of(program, config.currency());
    }
}
