package io.downline.platform.events.admin;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.platform.events.EventPayload;

/**
 * A call made with an admin-type role, published by the service that served it on its own topic. Type
 * {@code admin.action-performed}, key {@code entityId}, else {@code actor}.
 *
 * @param actor OIDC subject of the caller
 * @param service the service that served the call
 * @param action what was done, e.g. member.suspend
 * @param entityType e.g. member
 * @param entityId null when the action has no single entity
 * @param before the entity before the action; null when it did not exist or was not changed
 * @param after the entity after the action; null when deleted or not changed
 * @param clientAddress the caller's IP address, when known; nullable
 * @param traceId W3C trace id, when traced; nullable
 */
public record AdminActionPerformed(String actor, List<String> actorRoles, String service, String action,
        String entityType, String entityId, JsonNode before, JsonNode after, String clientAddress, String traceId,
        Instant occurredAt) implements EventPayload {
}
