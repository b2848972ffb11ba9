package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A team was created, led by a member. Type {@code team.created}, key {@code teamId}.
 */
public record TeamCreated(UUID teamId, String name, UUID leaderId, Instant occurredAt) implements EventPayload {
}
