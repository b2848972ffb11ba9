package io.downline.user.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;
import io.downline.user.rest.dto.MeetingCancelRequest;
import io.downline.user.rest.dto.MeetingScheduleRequest;
import io.downline.user.rest.dto.MeetingView;
import io.downline.user.service.MeetingService;
import io.downline.user.service.NewMeeting;

@Path("/api/teams/{teamId}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Team meetings", description = "Meetings of a team: schedule, cancel, reminders")
public class MeetingResource {

    private final MeetingService meetings;

    public MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Schedule a team meeting (leader or admin)")
    public RestResponse<MeetingView> schedule(@PathParam("teamId") UUID teamId,
            @NotNull @Valid MeetingScheduleRequest request) {
        MeetingView meeting = MeetingView.of(meetings.schedule(teamId,
                new NewMeeting(request.title(), request.startsAt(), request.endsAt(), request.location())));
        URI location = URI.create("/api/teams/" + teamId + "/meetings/" + meeting.id());
        return RestResponse.ResponseBuilder.<MeetingView>created(location).entity(meeting).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "The team's meetings by start time; ended ones only with includePast")
    public Page<MeetingView> list(@PathParam("teamId") UUID teamId,
            @QueryParam("includePast") @DefaultValue("false") boolean includePast,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return meetings.list(teamId, includePast, page, size).map(MeetingView::of);
    }

    @GET
    @Path("/{meetingId}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "One meeting of the team")
    public MeetingView get(@PathParam("teamId") UUID teamId, @PathParam("meetingId") UUID meetingId) {
        return MeetingView.of(meetings.get(teamId, meetingId));
    }

    @POST
    @Path("/{meetingId}/cancel")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN })
    @Operation(summary = "Cancel a meeting that has not started (leader or admin)")
    public MeetingView cancel(@PathParam("teamId") UUID teamId, @PathParam("meetingId") UUID meetingId,
            @NotNull @Valid MeetingCancelRequest request) {
        return MeetingView.of(meetings.cancel(teamId, meetingId, request.reason()));
    }
}
