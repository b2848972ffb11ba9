package io.downline.platform.redrive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Operators' redrive of a consumer channel's dead-letter topic (docs/consumers.md). Outside {@code /api}: it is
 * called on one service, not through the gateway's domain routes.
 */
@Path("/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Operations", description = "Operators' tools every service carries: dead-letter redrive")
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;
    private final AdminAudit audit;

    public DeadLetterResource(DeadLetterRedrive redrive, AdminAudit audit) {
        this.redrive = redrive;
        this.audit = audit;
    }

    @POST
    @Path("/{channel}/redrive")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "redriveDeadLetters", summary = "Put a consumer channel's dead letters back on its topic")
    public DeadLetterRedrive.Result redrive(@PathParam("channel") String channel) {
        DeadLetterRedrive.Result result = redrive.redrive(channel);
        QuarkusTransaction.requiringNew().run(() ->
                audit.record("dead-letters.redrive", "consumer-channel", channel, null, result));
        return result;
    }
}
