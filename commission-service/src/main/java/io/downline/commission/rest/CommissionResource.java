package io.downline.commission.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.commission.rest.dto.ExplainView;
import io.downline.commission.rest.dto.LineView;
import io.downline.commission.service.CommissionQueries;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;

@Path("/api/commissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commissions", description = "Commission lines and why each was paid or not")
public class CommissionResource {

    static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";

    private final CommissionQueries queries;

    public CommissionResource(CommissionQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/members/{memberId}/lines")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "A member's commission lines with why each was paid, newest first (the member or staff)")
    public Page<LineView> lines(@PathParam("memberId") UUID memberId,
            @QueryParam("period") @Pattern(regexp = PERIOD, message = "must be a month, yyyy-MM") String period,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.lines(memberId, period, page, size).map(LineView::of);
    }

    @GET
    @Path("/explain")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "Why you were or were not paid on an order of your downline; staff see the whole walk")
    public ExplainView explain(@QueryParam("order") @NotNull UUID order) {
        return ExplainView.of(queries.explain(order));
    }
}
