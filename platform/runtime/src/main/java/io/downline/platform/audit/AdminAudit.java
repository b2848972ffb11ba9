package io.downline.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.outbox.TraceContext;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Records a staff action as {@code admin.action-performed}, through the outbox, in the transaction of the
 * change itself: the action and its audit record commit or roll back together.
 *
 * <p>The contract for services: call {@link #record} for <em>every</em> state change an endpoint makes,
 * whoever the caller is. This class decides: it writes the event only when the caller holds a staff role
 * that changes things ({@link #AUDITED_ROLES}), and does nothing for members or outside an HTTP request
 * (jobs and consumers are not staff actions). {@link StaffAuditGuard} catches a staff change that never
 * called it.
 */
@ApplicationScoped
public class AdminAudit {

    /** The roles whose changes are audited; auditors only read. */
    public static final Set<String> AUDITED_ROLES = Set.of(Roles.ADMIN, Roles.KYC_OFFICER, Roles.FINANCE);

    private final OutboxWriter outbox;
    private final Caller caller;
    private final Actor actor;
    private final AuditTrail trail;
    private final ServiceConfig service;
    private final CurrentVertxRequest request;
    private final Clock clock;

    public AdminAudit(OutboxWriter outbox, Caller caller, Actor actor, AuditTrail trail, ServiceConfig service,
            CurrentVertxRequest request, Clock clock) {
        this.outbox = outbox;
        this.caller = caller;
        this.actor = actor;
        this.trail = trail;
        this.service = service;
        this.request = request;
        this.clock = clock;
    }

    /**
     * @param action     what was done, e.g. {@code member.suspend}
     * @param entityType what it was done to, e.g. {@code member}
     * @param entityId   which one, never null: for a creation, the id of what was created
     * @param before     its state before (a record), or null for a creation
     * @param after      its state after, or null for a deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId (for a creation, the id of what was created)");
        if (!actor.inHttpRequest()) {
            return;
        }
        trail.markRecorded();
        if (!isAuditedCaller()) {
            return;
        }
        AdminActionPerformed event = new AdminActionPerformed(caller.subject(), List.copyOf(caller.roles()),
                service.name(), action, entityType, entityId.toString(), tree(before), tree(after),
                clientAddress(), TraceContext.currentTraceId(), clock.instant());
        outbox.publish(EventType.ADMIN_ACTION_PERFORMED, entityId, event);
    }

    private boolean isAuditedCaller() {
        return caller.hasAnyRole(AUDITED_ROLES.toArray(String[]::new));
    }

    private String clientAddress() {
        RoutingContext rc = request.getCurrent();
        if (rc == null || rc.request().remoteAddress() == null) {
            return null;
        }
        return rc.request().remoteAddress().hostAddress();
    }

    private static JsonNode tree(Object value) {
        return value == null ? null : EventJson.mapper().valueToTree(value);
    }
}
