package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A commission line the walk pays.
 *
 * @param amount round_half_even(CV × rate, 2), less any share the payout cap took back
 * @param rule   why it was paid, in words a member can check
 */
public record PaidLine(int level, int step, UUID beneficiaryId, BigDecimal rate, BigDecimal amount, Rank paidAsRank,
        String rule) {

    PaidLine reducedBy(BigDecimal reduction) {
        return new PaidLine(level, step, beneficiaryId, rate, amount.subtract(reduction), paidAsRank,
                rule + "; reduced by " + reduction.toPlainString() + " to keep the sale within the payout cap");
    }
}
