package io.downline.user.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a status changes; kept in the event and the audit log. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
