package io.downline.user.rest.dto;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A meeting to schedule: it must start in the future and last at most 24 hours (else 422).
 *
 * @param location a place or a link; optional
 */
public record MeetingScheduleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Size(max = 300) String location) {
}
