package io.downline.user.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a meeting is cancelled; told to the team. */
public record MeetingCancelRequest(@NotBlank @Size(max = 500) String reason) {
}
