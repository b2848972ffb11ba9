package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin suspended a member. Type {@code member.suspended}, key {@code memberId}.
 *
 * @param actor OIDC subject of the admin
 */
public record MemberSuspended(UUID memberId, String reason, String actor, Instant occurredAt) implements EventPayload {
}
