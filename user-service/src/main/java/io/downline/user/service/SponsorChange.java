package io.downline.user.service;

import java.util.UUID;

/** Outcome of a sponsor move: the member, old and new sponsor, and how many members moved with them. */
public record SponsorChange(UUID memberId, UUID previousSponsorId, UUID newSponsorId, int movedMembers) {
}
