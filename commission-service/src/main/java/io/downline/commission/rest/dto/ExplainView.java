package io.downline.commission.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.commission.domain.MemberOutcome;
import io.downline.commission.domain.SaleExplanation;
import io.downline.commission.service.CommissionQueries;

/**
 * Why an order paid what it paid: for a member, their own part ({@code yours}); for staff, the whole walk
 * ({@code explanation}).
 */
public record ExplainView(UUID orderId, UUID sellerId, BigDecimal commissionableVolume, Instant completedAt,
        String period, int planVersion, MemberOutcome yours, SaleExplanation explanation) {

    public static ExplainView of(CommissionQueries.Explained explained) {
        return new ExplainView(explained.sale().orderId(), explained.sale().sellerId(), explained.sale().cv(),
                explained.sale().completedAt(), explained.sale().period(), explained.sale().planVersion(),
                explained.yours(), explained.explanation());
    }
}
