package io.downline.notification.rest.dto;

public record UnreadView(long unread) {
}
