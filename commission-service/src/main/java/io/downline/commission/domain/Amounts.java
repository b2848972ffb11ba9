package io.downline.commission.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic of the plan: amounts have two decimals and every rounding is stated where it happens. */
public final class Amounts {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amounts() {
    }

    /** round_half_even(value, 2): the plan's only rounding of a line (12.345 → 12.34, 1.875 → 1.88). */
    public static BigDecimal halfEven(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Rounded down to the cent: a ceiling on money paid never rounds up. */
    public static BigDecimal floor(BigDecimal value) {
        return value.setScale(2, RoundingMode.FLOOR);
    }

    public static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    public static BigDecimal ofCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
