package io.downline.platform.audit;

import java.time.Instant;
import java.util.List;

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
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Records a staff action as {@code admin.action-performed}, through the outbox, in the transaction of the
 * change itself: the action and its audit record commit or roll back together.
 */
@ApplicationScoped
public class AdminAudit {

    private final OutboxWriter outbox;
    private final Caller caller;
    private final ServiceConfig service;
    private final CurrentVertxRequest request;

    public AdminAudit(OutboxWriter outbox, Caller caller, ServiceConfig service, CurrentVertxRequest request) {
        this.outbox = outbox;
        this.caller = caller;
        this.service = service;
        this.request = request;
    }

    /**
     * @param action     what was done, e.g. {@code member.suspend}
     * @param entityType what it was done to, e.g. {@code member}
     * @param entityId   which one
     * @param before     its state before (a DTO or record), or null for a creation
     * @param after      its state after, or null for a deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        AdminActionPerformed event = new AdminActionPerformed(caller.subject(), List.copyOf(caller.roles()),
                service.name(), action, entityType, String.valueOf(entityId), tree(before), tree(after),
                clientAddress(), TraceContext.currentTraceId(), Instant.now());
        outbox.publish(EventType.ADMIN_ACTION_PERFORMED, entityId, event);
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
