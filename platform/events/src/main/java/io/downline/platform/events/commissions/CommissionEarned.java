package io.downline.platform.events.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A sale paid a commission line to an upline; the line is pending until its hold window ends. Type
 * {@code commission.earned}, key {@code beneficiaryId}.
 *
 * @param beneficiaryId the upline paid
 * @param level the compressed level paid, 1 being the first qualified upline
 * @param rate a fraction: 0.05 is 5 %
 * @param commissionableVolume CV of the sale, the base of the line
 * @param amount round_half_even(CV x rate, 2)
 * @param paidAsRank the beneficiary's paid-as rank; one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND
 * @param period yyyy-MM (UTC) of the sale
 * @param releaseAt when the hold window ends and the line is released
 */
public record CommissionEarned(UUID lineId, UUID orderId, UUID beneficiaryId, UUID sellerId, int level, BigDecimal rate,
        BigDecimal commissionableVolume, Money amount, String paidAsRank, String period, int planVersion,
        Instant releaseAt, Instant occurredAt) implements EventPayload {
}
