package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member joined under their sponsor (or the root member was created). Type {@code member.registered}, key
 * {@code memberId}.
 *
 * @param phone null when not given
 * @param country ISO 3166-1 alpha-2
 * @param sponsorId null only for the root (company) member
 * @param oidcSubject the OIDC subject that logs in as this member
 * @param status one of PENDING, ACTIVE, SUSPENDED, TERMINATED
 */
public record MemberRegistered(UUID memberId, String email, String name, String phone, String country,
        String referralCode, UUID sponsorId, String oidcSubject, String status, Instant occurredAt)
        implements EventPayload {
}
