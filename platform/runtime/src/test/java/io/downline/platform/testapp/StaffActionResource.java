package io.downline.platform.testapp;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.downline.platform.audit.AdminAudit;

/** Creates widgets with and without an audit record, for the staff-audit guard's tests. */
@Path("/test/staff-actions")
@RolesAllowed({ "admin", "member", "auditor" })
public class StaffActionResource {

    public record WidgetState(UUID id, String name) {
    }

    private final EntityManager entityManager;
    private final AdminAudit audit;
    private final Clock clock;

    public StaffActionResource(EntityManager entityManager, AdminAudit audit, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @Path("/audited")
    @Transactional
    public Response createAudited() {
        Widget widget = create();
        audit.record("widget.create", "widget", widget.id, null, new WidgetState(widget.id, widget.name));
        return Response.status(201).entity(widget.id.toString()).build();
    }

    @POST
    @Path("/unaudited")
    @Transactional
    public Response createUnaudited() {
        return Response.status(201).entity(create().id.toString()).build();
    }

    private Widget create() {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = "staff widget";
        widget.createdAt = clock.instant();
        entityManager.persist(widget);
        return widget;
    }
}
