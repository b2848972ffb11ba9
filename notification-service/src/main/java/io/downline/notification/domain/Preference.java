package io.downline.notification.domain;

/** A member's choice for one type: muted (no notification at all), or also sent by e-mail. */
public record Preference(NotificationType type, boolean muted, boolean email) {

    public static Preference standard(NotificationType type) {
        return new Preference(type, false, false);
    }

    public Preference {
        if (muted && email) {
            throw new IllegalArgumentException("A muted type cannot also be sent by e-mail");
        }
    }
}
