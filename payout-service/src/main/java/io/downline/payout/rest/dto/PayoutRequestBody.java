package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A payout request: how much, to which of your payout methods. The amount is a decimal string. */
public record PayoutRequestBody(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be positive")
        @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @NotNull UUID methodId) {
}
