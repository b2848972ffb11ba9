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
     * the sales before it and the sales after it see its volume. The volume changes of all of them are written
     * last, by one statement in key order ({@link VolumeChanges}), so that polls applied concurrently never
     * deadlock on the volume rows they share. An order that could never apply is refused before anything is
     * written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<OrderEvent> events) {
        events.forEach(OrderEvents::check);
        VolumeChanges volumes = new VolumeChanges();
        List<NewSale> run = new ArrayList<>();
        for (OrderEvent event : events) {
            if (event instanceof NewSale sale) {
                run.add(sale);
            } else {
                completeRun(run, volumes);
                sales.refund((NewRefund) event, volumes);
            }
        }
        completeRun(run, volumes);
        sales.write(volumes);
    }

    private void completeRun(List<NewSale> run, VolumeChanges volumes) {
        if (!run.isEmpty()) {
            sales.completeAll(List.copyOf(run), volumes);
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
