package io.downline.platform.testapp;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.idempotency.Idempotent;

/** Creates widgets under an Idempotency-Key, as a service's retryable POST would. */
@Path("/test/widgets")
@RolesAllowed("member")
public class IdempotentWidgetResource {

    private final EntityManager em;
    private final WidgetGate gate;
    private final Clock clock;

    public IdempotentWidgetResource(EntityManager em, WidgetGate gate, Clock clock) {
        this.em = em;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * A name starting with "fail" fails after the gate, like a use case that breaks unexpectedly; one starting with
     * "refuse" is refused by a business rule (422) after its widget was written, which must roll back.
     */
    @POST
    @Idempotent
    @Transactional
    public Response create(@Valid WidgetRequest request) {
        gate.pass();
        if (request.name().startsWith("fail")) {
            throw new IllegalStateException("widget factory is down");
        }
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = request.name();
        widget.createdAt = clock.instant();
        em.persist(widget);
        if (request.name().startsWith("refuse")) {
            em.flush();
            throw new BusinessRuleException("name", "Widgets named refuse… are refused");
        }
        return Response.created(URI.create("/test/widgets/" + widget.id)).entity(WidgetView.of(widget)).build();
    }

    @POST
    @Path("/optional-key")
    @Idempotent(required = false)
    @Transactional
    public Response createWithOptionalKey(@Valid WidgetRequest request) {
        return create(request);
    }
}
