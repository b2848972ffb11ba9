package io.downline.notification.rest.dto;

/** What the live page needs to log in: the realm's URL and the public client. */
public record LivePageConfig(String authServerUrl, String clientId) {
}
