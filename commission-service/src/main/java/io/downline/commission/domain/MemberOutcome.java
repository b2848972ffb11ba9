package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one member got from a sale, and why.
 *
 * @param outcome PAID, SKIPPED, NOT_REACHED (the plan's levels were all paid below them) or SELLER
 * @param level   the level paid, or the level that was open when they were skipped; null otherwise
 * @param amount  the line's amount when paid
 */
public record MemberOutcome(UUID memberId, String outcome, Integer level, BigDecimal amount, String reason,
        String detail) {

    /** Reads a member's part out of the sale's explanation; null when they were not in the sale's upline. */
    public static MemberOutcome of(SaleExplanation explanation, UUID sellerId, UUID memberId, int levels) {
        if (memberId.equals(sellerId)) {
            return new MemberOutcome(memberId, "SELLER", null, null, "the seller earns nothing from the plan on their own sale", null);
        }
        for (PaidLine line : explanation.lines()) {
            if (line.beneficiaryId().equals(memberId)) {
                return new MemberOutcome(memberId, "PAID", line.level(), line.amount(), "paid level " + line.level(), line.rule());
            }
        }
        for (Skip skip : explanation.skips()) {
            if (skip.memberId().equals(memberId)) {
                return new MemberOutcome(memberId, "SKIPPED", skip.level(), null, skip.reason(), skip.detail());
            }
        }
        if (explanation.upline().contains(memberId)) {
            return new MemberOutcome(memberId, "NOT_REACHED", null, null,
                    "all " + levels + " levels were paid below you", null);
        }
        return null;
    }
}
