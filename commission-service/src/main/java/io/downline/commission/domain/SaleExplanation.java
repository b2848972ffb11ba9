package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Why a sale paid what it paid, kept with the sale: the upline as it stood when the sale was processed (sponsor
 * first, root excluded), the walk's paid lines and skips, and what the company kept.
 */
public record SaleExplanation(int planVersion, BigDecimal commissionableVolume, List<UUID> upline,
        List<PaidLine> lines, List<Skip> skips, BigDecimal breakage, BigDecimal capped) {

    public static SaleExplanation of(int planVersion, List<UUID> upline, Walk walk) {
        return new SaleExplanation(planVersion, walk.commissionableVolume(), upline, walk.lines(), walk.skips(),
                walk.breakage(), walk.capped());
    }
}
