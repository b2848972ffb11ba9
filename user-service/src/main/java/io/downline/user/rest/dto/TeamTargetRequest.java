package io.downline.user.rest.dto;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The sales volume the team aims for in the current period; a decimal string or number. */
public record TeamTargetRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal volume) {
}
