package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.commission.domain.CommissionLine;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.outbox.OutboxWriter;

/** The commission line events, through the outbox, keyed by the beneficiary (payout-service credits their wallet). */
@ApplicationScoped
public class CommissionEvents {

    private final OutboxWriter outbox;

    public CommissionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** A line a sale pays, with the sale's CV and currency the event carries. */
    record Earned(CommissionLine line, BigDecimal cv, String currency) {
    }

    /** {@code commission.earned} for each line, in the order given, in one statement. */
    void earnedAll(List<Earned> lines, Instant at) {
        outbox.publishAll(lines.stream().map(earned -> new OutboxWriter.Event(EventType.COMMISSION_EARNED,
                earned.line().beneficiaryId(), payload(earned, at))).toList());
    }

    private static CommissionEarned payload(Earned earned, Instant at) {
        CommissionLine line = earned.line();
        return new CommissionEarned(line.lineId(), line.orderId(), line.beneficiaryId(), line.sellerId(), line.level(),
                line.rate(), earned.cv(), new Money(line.amount(), earned.currency()), line.paidAsRank().name(),
                line.period(), line.planVersion(), line.releaseAt(), at);
    }

    void released(CommissionLine line, String currency, Instant at) {
        outbox.publish(EventType.COMMISSION_RELEASED, line.beneficiaryId(), new CommissionReleased(line.lineId(),
                line.orderId(), line.beneficiaryId(), new Money(line.remaining(), currency), at));
    }

    void reversed(CommissionLine line, UUID reversalId, UUID refundId, BigDecimal amount, String currency,
            Instant at) {
        outbox.publish(EventType.COMMISSION_REVERSED, line.beneficiaryId(), new CommissionReversed(line.lineId(),
                reversalId, line.orderId(), refundId, line.beneficiaryId(), new Money(amount, currency),
                new Money(line.remaining().subtract(amount), currency), line.released(), at));
    }
}
