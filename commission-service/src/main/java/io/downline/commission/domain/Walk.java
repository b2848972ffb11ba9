package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a sale's walk up its upline: the lines it pays, the uplines it skipped and why, and what the
 * company keeps.
 *
 * @param breakage what the plan's levels would pay but nobody was paid: the unpaid levels' round_half_even(CV ×
 *                 rate, 2), plus what the payout cap took back
 * @param capped   what the payout cap took back from the lines (zero almost always)
 */
public record Walk(BigDecimal commissionableVolume, List<PaidLine> lines, List<Skip> skips, BigDecimal breakage,
        BigDecimal capped) {

    public Walk {
        lines = List.copyOf(lines);
        skips = List.copyOf(skips);
    }

    public BigDecimal paid() {
        return lines.stream().map(PaidLine::amount).reduce(Amounts.ZERO, BigDecimal::add);
    }
}
