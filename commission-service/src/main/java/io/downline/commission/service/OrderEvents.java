package io.downline.commission.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Orders (a poll's, or a single one), with the effect of applying each alone, in turn: each run of consecutive
     * sales is recorded set-based ({@link SaleService#completeAll}), a refund on its own between them, so it finds
     * the sales before it and the sales after it see its volume. An order that could never apply is refused before
     * anything is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<OrderEvent> events) {
        events.forEach(OrderEvents::check);
        List<NewSale> run = new ArrayList<>();
        for (OrderEvent event : events) {
            if (event instanceof NewSale sale) {
                run.add(sale);
            } else {
                completeRun(run);
                sales.refund((NewRefund) event);
            }
        }
        completeRun(run);
    }

    private void completeRun(List<NewSale> run) {
        if (!run.isEmpty()) {
            sales.completeAll(List.copyOf(run));
            run.clear();
        }
    }

    private static void check(OrderEvent event) {
        if (event instanceof NewSale order) {
            positive("amount", order.amount());
            positive("commissionableVolume", order.cv());
        } else if (event instanceof NewRefund refund) {
            positive("amount", refund.amount());
            if (refund.cv().signum() < 0 || refund.cv().stripTrailingZeros().scale() > 2) {
                throw new BusinessRuleException("commissionableVolume", "A refund's CV is zero or more, in cents");
            }
        }
    }

    private static void positive(String field, BigDecimal value) {
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException(field, field + " must be more than zero, in cents");
        }
    }
}
