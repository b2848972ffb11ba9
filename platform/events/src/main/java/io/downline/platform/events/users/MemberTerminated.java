package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin terminated a member; final. Type {@code member.terminated}, key {@code memberId}.
 *
 * @param actor OIDC subject of the admin
 */
public record MemberTerminated(UUID memberId, String reason, String actor, Instant occurredAt)
        implements EventPayload {
}
