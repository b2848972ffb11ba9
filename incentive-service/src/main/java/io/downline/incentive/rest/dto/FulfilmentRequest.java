package io.downline.incentive.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The next fulfilment status of an item award. */
public record FulfilmentRequest(
        @NotNull @Pattern(regexp = "SHIPPED|DELIVERED", message = "must be SHIPPED or DELIVERED") String status) {
}
