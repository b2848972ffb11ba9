package io.downline.platform.testapp;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

/** Endpoints that provoke each refusal of the problem-mapping table, and the HTTP platform's other behaviours. */
@Path("/test/http")
public class HttpProbeResource {

    private final EntityManager em;
    private final Clock clock;

    public HttpProbeResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @POST
    @Path("/widgets")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_JSON)
    public WidgetRequest echo(@Valid WidgetRequest request, @QueryParam("size") @Min(1) @Max(100) Integer size) {
        return request;
    }

    @GET
    @Path("/staff-only")
    @RolesAllowed("admin")
    public String staffOnly() {
        return "staff";
    }

    @GET
    @Path("/members-only")
    @RolesAllowed("member")
    public String membersOnly() {
        return "member";
    }

    /** Creates the widget with the given id: a second call breaks the primary key. */
    @PUT
    @Path("/widgets/{id}")
    @PermitAll
    @Transactional
    public String createWithId(@PathParam("id") UUID id) {
        Widget widget = new Widget();
        widget.id = id;
        widget.name = "fixed";
        widget.createdAt = clock.instant();
        em.persist(widget);
        em.flush();
        return "created";
    }

    /** Renames a widget that another transaction deletes meanwhile: the update finds no row (a lost update). */
    @POST
    @Path("/widgets/{id}/rename-while-deleted")
    @PermitAll
    @Transactional
    public String renameWhileDeleted(@PathParam("id") UUID id) {
        Widget widget = em.find(Widget.class, id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM widget WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        widget.name = "renamed";
        em.flush();
        return "renamed";
    }

    /** The client address as AdminAudit records it. */
    @GET
    @Path("/client-address")
    @PermitAll
    public String clientAddress(HttpServerRequest request) {
        return request.remoteAddress().hostAddress();
    }

    /** A request that spends the given seconds in the database, as a slow query would. */
    @GET
    @Path("/slow")
    @PermitAll
    @Transactional
    public String slow(@QueryParam("seconds") double seconds) {
        em.createNativeQuery("SELECT pg_sleep(?1)").setParameter(1, seconds).getSingleResult();
        return "done";
    }
}
