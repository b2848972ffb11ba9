package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member's profile changed; carries the profile as it is now. Type {@code member.profile-updated}, key
 * {@code memberId}.
 *
 * @param phone null when removed or never given
 * @param country ISO 3166-1 alpha-2
 */
public record MemberProfileUpdated(UUID memberId, String name, String phone, String country, Instant occurredAt)
        implements EventPayload {
}
