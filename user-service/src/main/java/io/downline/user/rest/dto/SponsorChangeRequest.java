package io.downline.user.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SponsorChangeRequest(@NotNull UUID newSponsorId, @NotBlank @Size(max = 500) String reason) {
}
