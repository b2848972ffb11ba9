package io.downline.incentive.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.rest.dto.LeaderboardView;
import io.downline.incentive.rest.dto.ProgressView;
import io.downline.incentive.service.ProgressService;
import io.downline.platform.security.Roles;

@Path("/api/incentives/programs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incentive progress", description = "Progress in the programs, and the leaderboards")
public class ProgressResource {

    private final ProgressService progress;
    private final IncentiveConfig config;

    public ProgressResource(ProgressService progress, IncentiveConfig config) {
        this.progress = progress;
        this.config = config;
    }

    @GET
    @Path("/progress/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Your progress against every criterion of every tier, your qualifications and position")
    public ProgressView mine(@PathParam("id") UUID id) {
        return ProgressView.of(progress.mine(id), config.currency());
    }

    @GET
    @Path("/progress/{memberId}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "A member's progress (yourself, or any member for admins and auditors)")
    public ProgressView of(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return ProgressView.of(progress.of(id, memberId), config.currency());
    }

    @GET
    @Path("/leaderboard")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "The live leaderboard: top N eligible members and, for a member, their own position")
    public LeaderboardView leaderboard(@PathParam("id") UUID id,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return LeaderboardView.of(progress.leaderboard(id, size));
    }
}
