package io.downline.user.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;
import io.downline.user.rest.dto.TeamCreateRequest;
import io.downline.user.rest.dto.TeamMemberRequest;
import io.downline.user.rest.dto.TeamMemberView;
import io.downline.user.rest.dto.TeamSummaryView;
import io.downline.user.rest.dto.TeamTargetRequest;
import io.downline.user.rest.dto.TeamView;
import io.downline.user.service.TeamService;

@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Teams led by a member, their members and performance")
public class TeamResource {

    private final TeamService teams;

    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Create a team; members lead their own, admins may name any leader")
    public RestResponse<TeamView> create(@NotNull @Valid TeamCreateRequest request) {
        TeamView team = TeamView.of(teams.create(request.name(), request.leaderId()));
        return RestResponse.ResponseBuilder.<TeamView>created(URI.create("/api/teams/" + team.id())).entity(team).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Your teams (led or joined); staff see every team")
    public Page<TeamSummaryView> list(@QueryParam("leaderId") UUID leaderId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return teams.list(leaderId, page, size).map(TeamSummaryView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "A team with its members and performance (its leader, members and staff)")
    public TeamView get(@PathParam("id") UUID id) {
        return TeamView.of(teams.get(id));
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Add a member of the leader's downline (leader or admin)")
    public RestResponse<TeamMemberView> addMember(@PathParam("id") UUID id, @NotNull @Valid TeamMemberRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED,
                TeamMemberView.of(teams.addMember(id, request.memberId())));
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Remove a member (leader or admin), or leave the team yourself")
    public void removeMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        teams.removeMember(id, memberId);
    }

    @PUT
    @Path("/{id}/target")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Set the current period's sales target (leader or admin)")
    public TeamView setTarget(@PathParam("id") UUID id, @NotNull @Valid TeamTargetRequest request) {
        return TeamView.of(teams.setTarget(id, request.volume()));
    }
}
