package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member left a team. Type {@code team.member-removed}, key {@code teamId}.
 */
public record TeamMemberRemoved(UUID teamId, UUID memberId, Instant occurredAt) implements EventPayload {
}
