package io.downline.user.service;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Meeting;
import io.downline.user.domain.MeetingStatus;

/** A meeting's state at one moment: the before and after of an audited change. */
public record MeetingSnapshot(UUID id, UUID teamId, String title, Instant startsAt, Instant endsAt, String location,
        UUID organizerId, MeetingStatus status, String cancelReason, Instant cancelledAt) {

    public static MeetingSnapshot of(Meeting m) {
        return new MeetingSnapshot(m.id, m.teamId, m.title, m.startsAt, m.endsAt, m.location, m.organizerId, m.status,
                m.cancelReason, m.cancelledAt);
    }
}
