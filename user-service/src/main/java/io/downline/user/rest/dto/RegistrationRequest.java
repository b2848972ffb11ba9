package io.downline.user.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.downline.platform.validation.CountryCode;
import io.downline.platform.validation.MemberEmail;

/**
 * Joining the company: who you are and whose referral code brought you. The email is your login's verified
 * one (from the token); sending it is optional, and when sent it must be that same address.
 */
public record RegistrationRequest(
        @MemberEmail String email,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Validation.PHONE, message = Validation.PHONE_MESSAGE) String phone,
        @NotBlank @CountryCode String country,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{4,16}$", message = "must be 4 to 16 upper-case letters or digits") String referralCode) {
}
