package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One upline of a seller as the walk sees them at the moment the sale is processed.
 *
 * @param step       1 for the seller's sponsor, 2 for the sponsor's sponsor, ...
 * @param pvCurrent  personal volume of the sale's period so far, net of refunds
 * @param pvPrevious personal volume of the period before
 * @param paidAsRank the rank of the last closed period
 */
public record UplineMember(int step, UUID memberId, boolean active, BigDecimal pvCurrent, BigDecimal pvPrevious,
        Rank paidAsRank) {
}
