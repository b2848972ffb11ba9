package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A team meeting was scheduled. Type {@code meeting.scheduled}, key {@code meetingId}.
 *
 * @param location a place or a link; null when not decided
 */
public record MeetingScheduled(UUID meetingId, UUID teamId, String title, Instant startsAt, Instant endsAt,
        String location, UUID organizerId, Instant occurredAt) implements EventPayload {
}
