package io.downline.notification.rest.dto;

import java.util.List;

import io.downline.notification.service.InboxService;

/**
 * A page of the inbox, newest first, with the unread count and the stream's last sequence (connect the
 * WebSocket with {@code ?after=<lastSequence>} to receive only what comes next).
 */
public record InboxView(List<NotificationView> items, int page, int size, long total, long unread, long lastSequence) {

    public static InboxView of(InboxService.Inbox inbox) {
        return new InboxView(inbox.page().items().stream().map(NotificationView::of).toList(), inbox.page().page(),
                inbox.page().size(), inbox.page().total(), inbox.unread(), inbox.lastSequence());
    }
}
