package io.downline.payout.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why finance rejects a payout; shown to the member and kept in the event and the audit log. */
public record ReasonBody(@NotBlank @Size(max = 500) String reason) {
}
