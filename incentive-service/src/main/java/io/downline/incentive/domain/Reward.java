package io.downline.incentive.domain;

import java.math.BigDecimal;

/**
 * What a tier pays.
 *
 * @param cash the amount for CASH (scale 2), null for ITEM
 * @param item what is fulfilled for ITEM, null for CASH
 */
public record Reward(RewardType type, BigDecimal cash, String item) {

    public static Reward cash(BigDecimal amount) {
        return new Reward(RewardType.CASH, amount, null);
    }

    public static Reward item(String item) {
        return new Reward(RewardType.ITEM, null, item);
    }
}
