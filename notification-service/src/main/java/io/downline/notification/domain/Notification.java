package io.downline.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored notification: number {@code sequence} of its room's stream.
 *
 * @param memberId the recipient for a member's inbox; null for a shared room
 * @param readAt   when the member read it; null while unread (shared rooms are never read)
 */
public record Notification(UUID id, String room, long sequence, UUID memberId, String type, String title,
        String body, Map<String, String> data, UUID eventId, String eventType, Instant createdAt, Instant readAt) {

    public Notification {
        data = Map.copyOf(data);
    }
}
