package io.downline.user.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new team.
 *
 * @param leaderId who leads it; only an admin may name someone other than themselves, and when absent the
 *                 caller leads it
 */
public record TeamCreateRequest(@NotBlank @Size(max = 100) String name, UUID leaderId) {
}
