package io.downline.commission.rest.dto;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * A refund of (part of) a recorded sale.
 *
 * @param refundId             optional; generated when absent
 * @param commissionableVolume the CV this refund takes back; the lines are reversed in proportion
 */
public record RefundRequest(UUID refundId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal commissionableVolume) {
}
