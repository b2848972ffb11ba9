package io.downline.user.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.downline.platform.validation.CountryCode;

/** The whole editable profile (PUT semantics: a missing phone clears it). Email is the login identity and stays. */
public record ProfileUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Validation.PHONE, message = Validation.PHONE_MESSAGE) String phone,
        @NotBlank @CountryCode String country) {
}
