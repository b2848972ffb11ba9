package io.downline.notification.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.domain.Notification;

/** The client protocol's notification frame, written from a stored notification (live or replayed). */
@ApplicationScoped
public class NotificationFrames {

    private record Frame(String type, String room, long sequence, UUID id, String notificationType, String title,
            String body, Map<String, String> data, Instant createdAt, boolean replayed) {
    }

    private final ObjectMapper json;

    public NotificationFrames(ObjectMapper json) {
        this.json = json;
    }

    public Push push(Notification n, boolean replayed) {
        try {
            return new Push(n.room(), n.sequence(), json.writeValueAsString(new Frame("notification", n.room(),
                    n.sequence(), n.id(), n.type(), n.title(), n.body(), n.data(), n.createdAt(), replayed)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
