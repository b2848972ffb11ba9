package io.downline.commission.rest;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.commission.domain.InvalidPlanException;
import io.downline.commission.rest.dto.ActivationRequest;
import io.downline.commission.rest.dto.PlanView;
import io.downline.commission.service.PlanService;
import io.downline.commission.service.PreviewService;
import io.downline.platform.http.Problem;
import io.downline.platform.http.ProblemException;
import io.downline.platform.security.Roles;

@Path("/api/commissions/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Compensation plan versions: drafts, preview, activation")
public class PlanResource {

    private final PlanService plans;
    private final PreviewService previews;

    public PlanResource(PlanService plans, PreviewService previews) {
        this.plans = plans;
        this.previews = previews;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "Every plan version, drafts included")
    public List<PlanView> plans() {
        return plans.list().stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "One plan version")
    public PlanView plan(@PathParam("version") int version) {
        return PlanView.of(plans.get(version));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a draft plan version; refused with every offending field when the plan is not valid")
    public RestResponse<PlanView> create(@NotNull JsonNode plan) {
        try {
            PlanView created = PlanView.of(plans.createDraft(plan.toString()));
            return RestResponse.ResponseBuilder.<PlanView>created(URI.create("/api/commissions/plans/" + created.version()))
                    .entity(created).build();
        } catch (InvalidPlanException e) {
            throw new ProblemException(422, "business-rule", "Request breaks a business rule", e.getMessage(),
                    e.violations().stream().map(v -> new Problem.FieldError("plan." + v.field(), v.message())).toList());
        }
    }

    @GET
    @Path("/{version}/preview")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "Run a plan version over a closed period's frozen data: what would change, per member and in total, against what was paid")
    public PreviewService.Preview preview(@PathParam("version") int version,
            @QueryParam("period") @NotNull @Pattern(regexp = CommissionResource.PERIOD, message = "must be a month, yyyy-MM")
            String period) throws SQLException {
        return previews.preview(version, period);
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Activate a draft from an instant (now or later): sales processed from then on use it")
    public PlanView activate(@PathParam("version") int version, @NotNull @Valid ActivationRequest request) {
        return PlanView.of(plans.activate(version, request.activeFrom()));
    }
}
