package io.downline.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.repository.NotificationRepository;

/** What a client missed: a stream's notifications after the last number it has, oldest first. */
@ApplicationScoped
public class ReplayService {

    private final NotificationRepository notifications;
    private final NotificationFrames frames;

    public ReplayService(NotificationRepository notifications, NotificationFrames frames) {
        this.notifications = notifications;
        this.frames = frames;
    }

    @Transactional
    public long lastSequence(String room) {
        return notifications.lastSequence(room);
    }

    @Transactional
    public List<Push> after(String room, long sequence, int limit) {
        return notifications.after(room, sequence, limit).stream().map(n -> frames.push(n, true)).toList();
    }
}
