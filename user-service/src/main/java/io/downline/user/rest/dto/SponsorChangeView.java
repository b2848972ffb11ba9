package io.downline.user.rest.dto;

import java.util.UUID;

/** Outcome of a sponsor change: the member, old and new sponsor, and how many members moved with them. */
public record SponsorChangeView(UUID memberId, UUID previousSponsorId, UUID newSponsorId, int movedMembers) {
}
