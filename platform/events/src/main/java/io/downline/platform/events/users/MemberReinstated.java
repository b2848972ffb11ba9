package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin made a suspended member active again. Type {@code member.reinstated}, key {@code memberId}.
 *
 * @param actor OIDC subject of the admin
 */
public record MemberReinstated(UUID memberId, String reason, String actor, Instant occurredAt)
        implements EventPayload {
}
