package io.downline.notification.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.downline.notification.domain.Notification;

/**
 * A stored notification on its way to the sockets: what every replica receives (PostgreSQL NOTIFY) and what
 * a client receives.
 *
 * @param eventTime when the producing service wrote the event ({@code ce_time}), to measure the hops
 */
public record Delivery(String room, long sequence, UUID id, String notificationType, String title, String body,
        Map<String, String> data, Instant createdAt, Instant eventTime) {

    public static Delivery of(Notification n, Instant eventTime) {
        return new Delivery(n.room(), n.sequence(), n.id(), n.type(), n.title(), n.body(), n.data(), n.createdAt(),
                eventTime);
    }
}
