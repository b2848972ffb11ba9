package io.downline.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.repository.NotificationRepository;

/** What a client missed: a stream's notifications after the last number it has, oldest first. */
@ApplicationScoped
public class ReplayService {

    private final NotificationRepository notifications;

    public ReplayService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public long lastSequence(String room) {
        return notifications.lastSequence(room);
    }

    @Transactional
    public List<Delivery> after(String room, long sequence, int limit) {
        return notifications.after(room, sequence, limit).stream().map(n -> Delivery.of(n, null)).toList();
    }
}
