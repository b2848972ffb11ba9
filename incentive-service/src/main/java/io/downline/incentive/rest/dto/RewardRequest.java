package io.downline.incentive.rest.dto;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.downline.incentive.domain.Reward;
import io.downline.incentive.domain.RewardType;

/**
 * @param cash for CASH: the amount in the installation's currency (decimal string)
 * @param item for ITEM: what the company fulfils, e.g. a trip
 */
public record RewardRequest(
        @NotNull @Pattern(regexp = "CASH|ITEM", message = "must be CASH or ITEM") String type,
        @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal cash,
        @Size(min = 1, max = 200) String item) {

    Reward toReward() {
        return new Reward(RewardType.valueOf(type), cash == null ? null : cash.setScale(2), item);
    }
}
