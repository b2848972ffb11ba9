package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of a seller's upline as the database gives it: step 0 is the seller, the row whose sponsor is null is
 * the root. The figures the walk needs (the two personal volumes and the paid-as rank) are read only for the
 * steps the walk is likely to reach; a row past them has none ({@link #figured()} false, the three null).
 */
public record UplineRow(int step, UUID memberId, UUID sponsorId, String status, BigDecimal pvCurrent,
        BigDecimal pvPrevious, Rank paidAsRank) {

    public boolean figured() {
        return paidAsRank != null;
    }
}
