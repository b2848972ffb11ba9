package io.downline.notification.rest.dto;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.downline.notification.domain.Notification;

/** A notification in the inbox. {@code sequence} is its number in the member's stream (see the WebSocket). */
public record NotificationView(UUID id, long sequence, String type, String title, String body, Map<String, String> data,
        Instant createdAt, boolean read, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.sequence(), n.type(), n.title(), n.body(), n.data(), n.createdAt(),
                n.readAt() != null, n.readAt());
    }
}
