package io.downline.notification.rest.dto;

/** How many notifications a "mark all read" marked. */
public record MarkedView(int marked) {
}
