package io.downline.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.notification.rest.dto.PreferenceRequest;
import io.downline.notification.rest.dto.PreferenceView;
import io.downline.notification.service.PreferenceService;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/** The caller's choices per notification type. */
@Path("/api/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "Notification preferences per type")
@RolesAllowed(Roles.MEMBER)
public class PreferenceResource {

    private final PreferenceService preferences;
    private final Caller caller;

    public PreferenceResource(PreferenceService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your preference for every notification type")
    public List<PreferenceView> preferences() {
        return preferences.all(caller.requireMemberId()).stream().map(PreferenceView::of).toList();
    }

    @PUT
    @Path("/{type}")
    @Operation(summary = "Mute a notification type, or have it also sent to you by e-mail")
    public PreferenceView setPreference(@PathParam("type") @Pattern(regexp = "[a-z]+(-[a-z]+)*") String type,
            @NotNull @Valid PreferenceRequest request) {
        return PreferenceView.of(preferences.set(caller.requireMemberId(), type, request.muted(), request.email()));
    }
}
