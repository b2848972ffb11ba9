package io.downline.platform.events.users;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A team meeting was cancelled. Type {@code meeting.cancelled}, key {@code meetingId}.
 *
 * @param reason null when none was given
 */
public record MeetingCancelled(UUID meetingId, UUID teamId, String reason, Instant occurredAt)
        implements EventPayload {
}
