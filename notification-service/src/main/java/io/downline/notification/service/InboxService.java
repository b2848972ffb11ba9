package io.downline.notification.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.domain.Notification;
import io.downline.notification.repository.NotificationRepository;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.paging.Page;

/** A member's inbox: pages, unread count, read marks. */
@ApplicationScoped
public class InboxService {

    /** The inbox page and the stream position a client connects after. */
    public record Inbox(Page<Notification> page, long unread, long lastSequence) {
    }

    private final NotificationRepository notifications;
    private final Clock clock;

    public InboxService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Inbox inbox(UUID memberId, boolean unreadOnly, int page, int size) {
        long total = notifications.count(memberId, unreadOnly);
        Page<Notification> items = new Page<>(notifications.inbox(memberId, unreadOnly, page, size), page, size, total);
        return new Inbox(items, unreadOnly ? total : notifications.count(memberId, true),
                notifications.lastSequence("member:" + memberId));
    }

    @Transactional
    public long unread(UUID memberId) {
        return notifications.count(memberId, true);
    }

    /** Another member's notification is refused like an unknown one: nothing reveals that it exists. */
    @Transactional
    public Notification markRead(UUID memberId, UUID notificationId) {
        Notification notification = notifications.find(notificationId)
                .filter(n -> memberId.equals(n.memberId()))
                .orElseThrow(() -> new NotFoundException("No notification " + notificationId + " in your inbox"));
        notifications.markRead(notificationId, clock.instant());
        return notifications.find(notificationId).orElseThrow();
    }

    @Transactional
    public int markAllRead(UUID memberId) {
        return notifications.markAllRead(memberId, clock.instant());
    }
}
