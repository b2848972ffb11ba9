package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of a seller's upline as the database gives it: step 0 is the seller, the row whose sponsor is null is
 * the root.
 */
public record UplineRow(int step, UUID memberId, UUID sponsorId, String status, BigDecimal pvCurrent,
        BigDecimal pvPrevious, Rank paidAsRank) {
}
