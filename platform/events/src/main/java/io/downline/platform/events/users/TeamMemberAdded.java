package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member joined a team. Type {@code team.member-added}, key {@code teamId}.
 */
public record TeamMemberAdded(UUID teamId, UUID memberId, Instant occurredAt) implements EventPayload {
}
