package io.downline.commission.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.commission.domain.SaleExplanation;
import io.downline.commission.domain.SaleRecord;
import io.downline.platform.events.EventJson;

/** A recorded sale with the explanation of its lines. */
public record SaleView(UUID orderId, UUID memberId, BigDecimal amount, String currency, BigDecimal commissionableVolume,
        BigDecimal refundedAmount, BigDecimal refundedCommissionableVolume, Instant completedAt, String period,
        int planVersion, BigDecimal paid, BigDecimal breakage, SaleExplanation explanation) {

    public static SaleView of(SaleRecord sale) {
        return new SaleView(sale.orderId(), sale.sellerId(), sale.amount(), sale.currency(), sale.cv(),
                sale.refundedAmount(), sale.refundedCv(), sale.completedAt(), sale.period(), sale.planVersion(),
                sale.paid(), sale.breakage(), EventJson.read(sale.explanation(), SaleExplanation.class));
    }
}
