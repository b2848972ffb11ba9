package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin moved a member, with their whole downline, under a new sponsor. Type {@code member.sponsor-changed},
 * key {@code memberId}.
 *
 * @param actor OIDC subject of the admin
 * @param movedMembers size of the moved subtree: the member and their whole downline
 */
public record MemberSponsorChanged(UUID memberId, UUID previousSponsorId, UUID newSponsorId, String reason,
        String actor, int movedMembers, Instant occurredAt) implements EventPayload {
}
