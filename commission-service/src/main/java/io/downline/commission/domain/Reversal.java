package io.downline.commission.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rule 9 of the plan: a refund reverses each line of its sale in proportion,
 * round_half_even(line × refunded CV ÷ sale CV, 2), the multiplication first so that the division's rounding is
 * the only one. The refund that brings the refunded CV to the sale's full CV takes whatever remains of each line,
 * so a sale refunded in parts nets to exactly zero. A proportional reversal never takes more than remains (a
 * line of a few cents refunded in many small parts could otherwise be over-reversed by rounding).
 */
public final class Reversal {

    private Reversal() {
    }

    /**
     * @param original      the line's amount when it was paid
     * @param remaining     what the line still pays
     * @param refundCv      the CV this refund takes back
     * @param saleCv        the sale's CV
     * @param refundedAfter the sale's refunded CV including this refund
     */
    public static BigDecimal of(BigDecimal original, BigDecimal remaining, BigDecimal refundCv, BigDecimal saleCv,
            BigDecimal refundedAfter) {
        if (refundedAfter.compareTo(saleCv) >= 0) {
            return remaining;
        }
        BigDecimal proportional = original.multiply(refundCv).divide(saleCv, 2, RoundingMode.HALF_EVEN);
        return proportional.min(remaining);
    }
}
