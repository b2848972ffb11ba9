package io.downline.notification.domain;

import java.util.Map;

/** A notification to be made: its type, for whom, and the values its text is filled with. */
public record Draft(NotificationType type, Recipient recipient, Map<String, String> params) {

    public Draft {
        params = Map.copyOf(params);
    }
}
