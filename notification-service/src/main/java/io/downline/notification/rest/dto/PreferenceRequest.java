package io.downline.notification.rest.dto;

import jakarta.validation.constraints.NotNull;

/** Mute a type, or have it also sent by e-mail; not both. */
public record PreferenceRequest(@NotNull Boolean muted, @NotNull Boolean email) {
}
