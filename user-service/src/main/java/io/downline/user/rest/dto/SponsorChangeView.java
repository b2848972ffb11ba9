package io.downline.user.rest.dto;

import java.util.UUID;

import io.downline.user.service.SponsorChange;

/** Outcome of a sponsor change: the member, old and new sponsor, and how many members moved with them. */
public record SponsorChangeView(UUID memberId, UUID previousSponsorId, UUID newSponsorId, int movedMembers) {

    public static SponsorChangeView of(SponsorChange change) {
        return new SponsorChangeView(change.memberId(), change.previousSponsorId(), change.newSponsorId(),
                change.movedMembers());
    }
}
