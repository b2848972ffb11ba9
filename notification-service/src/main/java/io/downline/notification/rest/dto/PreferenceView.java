package io.downline.notification.rest.dto;

import io.downline.notification.domain.Preference;

public record PreferenceView(String type, boolean muted, boolean email) {

    public static PreferenceView of(Preference preference) {
        return new PreferenceView(preference.type().code(), preference.muted(), preference.email());
    }
}
