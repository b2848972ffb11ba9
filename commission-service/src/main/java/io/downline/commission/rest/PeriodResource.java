package io.downline.commission.rest;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.commission.domain.PeriodSummary;
import io.downline.commission.domain.Periods;
import io.downline.commission.service.CloseOutcome;
import io.downline.commission.service.PeriodCloseService;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

@Path("/api/commissions/periods/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Period closes: close, re-open, the summary")
public class PeriodResource {

    private final PeriodCloseService closes;
    private final Caller caller;

    public PeriodResource(PeriodCloseService closes, Caller caller) {
        this.closes = closes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE })
    @Operation(summary = "A closed period's summary: totals, payout ratio, breakage, ranks and the hash of its results")
    public PeriodSummary period(@PathParam("period") @Pattern(regexp = CommissionResource.PERIOD,
            message = "must be a month, yyyy-MM") String period) {
        return closes.get(period);
    }

    @POST
    @Path("/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close a period: freeze tree and volumes, compute volumes and ranks, publish the results; a re-close shows the diff")
    public CloseOutcome close(@PathParam("period") @Pattern(regexp = CommissionResource.PERIOD,
            message = "must be a month, yyyy-MM") String period) throws SQLException {
        return closes.close(Periods.parse(period), caller.subject());
    }

    @POST
    @Path("/reopen")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Re-open a closed period so that it can be closed again")
    public PeriodSummary reopen(@PathParam("period") @Pattern(regexp = CommissionResource.PERIOD,
            message = "must be a month, yyyy-MM") String period) {
        return closes.reopen(Periods.parse(period), caller.subject());
    }
}
