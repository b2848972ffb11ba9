package io.downline.commission.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A sale to record.
 *
 * @param orderId     the sale's identity: the same order twice is one sale
 * @param memberId    the member credited with the sale (the seller)
 * @param completedAt when the sale was completed; now when absent
 */
public record SaleRequest(@NotNull UUID orderId, @NotNull UUID memberId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal commissionableVolume,
        Instant completedAt) {
}
