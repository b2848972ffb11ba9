package io.downline.commission.service;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.domain.BusinessRuleException;

/**
 * The shop's orders, applied inside the idempotent consumer's transaction. Amounts the sales endpoint would
 * refuse are refused here too (a domain refusal: the record goes to the dead-letter topic).
 */
@ApplicationScoped
public class OrderEvents {

    private final SaleService sales;

    public OrderEvents(SaleService sales) {
        this.sales = sales;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(NewSale order) {
        positive("amount", order.amount());
        positive("commissionableVolume", order.cv());
        sales.complete(order);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(NewRefund refund) {
        positive("amount", refund.amount());
        if (refund.cv().signum() < 0 || refund.cv().stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("commissionableVolume", "A refund's CV is zero or more, in cents");
        }
        sales.refund(refund);
    }

    private static void positive(String field, BigDecimal value) {
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException(field, field + " must be more than zero, in cents");
        }
    }
}
