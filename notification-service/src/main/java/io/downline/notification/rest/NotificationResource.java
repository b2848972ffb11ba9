package io.downline.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import io.downline.notification.rest.dto.InboxView;
import io.downline.notification.rest.dto.MarkedView;
import io.downline.notification.rest.dto.NotificationView;
import io.downline.notification.rest.dto.UnreadView;
import io.downline.notification.service.InboxService;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/** The caller's own inbox. A suspended member reads it; the platform refuses their changes. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Notifications: list, unread count, mark read")
@RolesAllowed(Roles.MEMBER)
public class NotificationResource {

    private final InboxService inbox;
    private final Caller caller;

    public NotificationResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your notifications, newest first, with the unread count and the last sequence")
    public InboxView inbox(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return InboxView.of(inbox.inbox(caller.requireMemberId(), unreadOnly, page, size));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of your notifications are unread")
    public UnreadView unread() {
        return new UnreadView(inbox.unread(caller.requireMemberId()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of your notifications read (repeating it changes nothing)")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return NotificationView.of(inbox.markRead(caller.requireMemberId(), id));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all your notifications read")
    public MarkedView markAllRead() {
        return new MarkedView(inbox.markAllRead(caller.requireMemberId()));
    }
}
