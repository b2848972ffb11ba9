package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A pending member became active. Type {@code member.activated}, key {@code memberId}.
 *
 * @param actor OIDC subject of who activated the member, or the service name
 */
public record MemberActivated(UUID memberId, String actor, Instant occurredAt) implements EventPayload {
}
