package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin lifted a member's suspension. Type {@code member.reinstated}, key {@code memberId}.
 *
 * @param actor OIDC subject of the admin
 * @param status the status the member returns to: the one the suspension interrupted (PENDING or ACTIVE);
 *               null in events written before this field existed, which meant ACTIVE
 */
public record MemberReinstated(UUID memberId, String reason, String actor, String status, Instant occurredAt)
        implements EventPayload {
}
