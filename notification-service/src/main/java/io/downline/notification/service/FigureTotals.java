package io.downline.notification.service;

import java.math.BigDecimal;
import java.time.Instant;

import io.downline.notification.repository.FiguresRepository;

/**
 * What a batch adds to the running totals, summed in memory and written once: the one {@code live_figures} row
 * is updated (and locked) once per transaction, last, after the streams.
 */
public final class FigureTotals {

    private long signups;
    private BigDecimal sales = BigDecimal.ZERO;
    private BigDecimal commissions = BigDecimal.ZERO;
    private boolean changed;

    public void add(long signups, BigDecimal sales, BigDecimal commissions) {
        this.signups += signups;
        this.sales = this.sales.add(sales);
        this.commissions = this.commissions.add(commissions);
        changed = true;
    }

    void writeTo(FiguresRepository figures, Instant now) {
        if (changed) {
            figures.add(signups, sales, commissions, now);
        }
    }
}
