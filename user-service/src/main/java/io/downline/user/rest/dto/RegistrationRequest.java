package io.downline.user.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.downline.platform.validation.CountryCode;

/** Joining the company: who you are and whose referral code brought you. */
public record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Validation.PHONE, message = Validation.PHONE_MESSAGE) String phone,
        @NotBlank @CountryCode String country,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{4,16}$", message = "must be 4 to 16 upper-case letters or digits") String referralCode) {
}
