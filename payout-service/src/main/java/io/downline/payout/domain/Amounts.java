package io.downline.payout.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.downline.platform.domain.BusinessRuleException;

/** Money rules: amounts are positive with at most two decimals and are kept at scale 2. */
public final class Amounts {

    public static final int SCALE = 2;

    private Amounts() {
    }

    /**
     * An amount as given by a client or an event, at scale 2. Never rounds: an amount with more than two
     * decimals is refused, so no cent is ever invented or lost.
     */
    public static BigDecimal positive(String field, BigDecimal amount) {
        if (amount == null) {
            throw new BusinessRuleException(field, "An amount is required");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new BusinessRuleException(field, "Amounts have at most two decimals");
        }
        if (amount.signum() <= 0) {
            throw new BusinessRuleException(field, "The amount must be positive");
        }
        return scaled(amount);
    }

    /** Scale 2 for an amount that already has at most two decimals (the exact scale change never rounds). */
    public static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
