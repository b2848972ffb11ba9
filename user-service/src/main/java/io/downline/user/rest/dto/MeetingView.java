package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Meeting;

public record MeetingView(UUID id, UUID teamId, String title, Instant startsAt, Instant endsAt, String location,
        UUID organizerId, String status, String cancelReason, Instant cancelledAt, Instant createdAt) {

    public static MeetingView of(Meeting m) {
        return new MeetingView(m.id, m.teamId, m.title, m.startsAt, m.endsAt, m.location, m.organizerId,
                m.status.name(), m.cancelReason, m.cancelledAt, m.createdAt);
    }
}
