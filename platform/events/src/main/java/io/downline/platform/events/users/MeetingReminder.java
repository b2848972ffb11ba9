package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A team meeting starts soon. Type {@code meeting.reminder}, key {@code meetingId}.
 */
public record MeetingReminder(UUID meetingId, UUID teamId, String title, Instant startsAt, Instant occurredAt)
        implements EventPayload {
}
