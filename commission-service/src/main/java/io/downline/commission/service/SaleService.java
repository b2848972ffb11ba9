package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.domain.CommissionLine;
import io.downline.commission.domain.CommissionWalk;
import io.downline.commission.domain.PaidLine;
import io.downline.commission.domain.Periods;
import io.downline.commission.domain.Reversal;
import io.downline.commission.domain.SaleExplanation;
import io.downline.commission.domain.SaleRecord;
import io.downline.commission.domain.UplineMember;
import io.downline.commission.domain.UplineRow;
import io.downline.commission.domain.Walk;
import io.downline.commission.repository.LineRepository;
import io.downline.commission.repository.SaleRepository;
import io.downline.commission.repository.UplineRepository;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventJson;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;

/**
 * Applies sales and refunds: the one code path behind both the shop's {@code orders.events.v1} and the sales
 * endpoint. A sale gives its commission lines at once; a refund reverses them in proportion.
 */
@ApplicationScoped
public class SaleService {

    private final SaleRepository sales;
    private final LineRepository lines;
    private final UplineRepository uplines;
    private final PlanService plans;
    private final CommissionEvents events;
    private final Parking parking;
    private final Clock clock;

    public SaleService(SaleRepository sales, LineRepository lines, UplineRepository uplines, PlanService plans,
            CommissionEvents events, Parking parking, Clock clock) {
        this.sales = sales;
        this.lines = lines;
        this.uplines = uplines;
        this.plans = plans;
        this.events = events;
        this.parking = parking;
        this.clock = clock;
    }

    /**
     * Records the sale and its lines, with the plan version in force now; the same order again changes nothing.
     * Throws {@link WaitingFor} while the seller (or a sponsor above them) is not known yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SaleRecord complete(NewSale order) {
        Optional<SaleRecord> existing = sales.find(order.orderId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        PlanService.InForce inForce = plans.inForceAt(now);
        if (!inForce.plan().currency().equals(order.currency())) {
            throw new BusinessRuleException("currency", "Sales are in " + inForce.plan().currency() + "; "
                    + order.currency() + " is refused");
        }
        YearMonth period = Periods.of(order.completedAt());
        List<UplineRow> rows = uplines.upline(order.sellerId(), Periods.format(period),
                Periods.format(period.minusMonths(1)));
        if (rows.isEmpty()) {
            throw new WaitingFor("member", order.sellerId());
        }
        UplineRow top = rows.get(rows.size() - 1);
        if (top.sponsorId() != null) {
            throw new WaitingFor("member", top.sponsorId());
        }
        List<UplineMember> walkers = new ArrayList<>();
        List<UUID> upline = new ArrayList<>();
        for (UplineRow row : rows.subList(1, Math.max(1, rows.size() - 1))) {
            walkers.add(new UplineMember(row.step(), row.memberId(), "ACTIVE".equals(row.status()), row.pvCurrent(),
                    row.pvPrevious(), row.paidAsRank()));
            upline.add(row.memberId());
        }
        Walk walk = CommissionWalk.walk(inForce.plan(), order.cv(), walkers);
        String explanation = EventJson.write(SaleExplanation.of(inForce.version(), upline, walk));
        SaleRecord sale = new SaleRecord(order.orderId(), order.sellerId(), order.amount(), order.currency(),
                order.cv(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), order.completedAt(),
                Periods.format(period), inForce.version(), walk.paid(), walk.breakage(), explanation);
        if (!sales.insert(sale, now)) {
            return sales.find(order.orderId()).orElseThrow();
        }
        Instant releaseAt = now.plus(Duration.ofDays(inForce.plan().holdDays()));
        for (PaidLine paid : walk.lines()) {
            if (paid.amount().signum() > 0) {
                CommissionLine line = new CommissionLine(UUID.randomUUID(), order.orderId(), paid.beneficiaryId(),
                        order.sellerId(), paid.level(), paid.rate(), paid.amount(), paid.amount(), paid.paidAsRank(),
                        sale.period(), inForce.version(), paid.rule(), now, releaseAt, null);
                lines.insert(line);
                events.earned(line, order.cv(), order.currency(), now);
            }
        }
        sales.addVolume(order.sellerId(), sale.period(), order.cv());
        parking.release("order", order.orderId());
        return sale;
    }

    /**
     * Reverses the sale's lines in proportion to the refunded CV (the last refund takes what remains) and lowers
     * the seller's PV in the refund's period; the same refund again changes nothing. Throws {@link WaitingFor}
     * while the order is not known yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refund(NewRefund refund) {
        if (sales.refundExists(refund.refundId())) {
            return;
        }
        SaleRecord sale = sales.lock(refund.orderId()).orElseThrow(() -> new WaitingFor("order", refund.orderId()));
        BigDecimal amountLeft = sale.amount().subtract(sale.refundedAmount());
        BigDecimal cvLeft = sale.cv().subtract(sale.refundedCv());
        if (refund.amount().compareTo(amountLeft) > 0) {
            throw new BusinessRuleException("amount", "The refund of " + refund.amount().toPlainString()
                    + " is more than the " + amountLeft.toPlainString() + " left of the sale");
        }
        if (refund.cv().compareTo(cvLeft) > 0) {
            throw new BusinessRuleException("commissionableVolume", "The refund's CV " + refund.cv().toPlainString()
                    + " is more than the " + cvLeft.toPlainString() + " left of the sale");
        }
        String period = Periods.format(Periods.of(refund.at()));
        sales.insertRefund(refund.refundId(), refund.orderId(), refund.amount(), refund.cv(), refund.at(), period);
        sales.addRefunded(refund.orderId(), refund.amount(), refund.cv());
        BigDecimal refundedAfter = sale.refundedCv().add(refund.cv());
        Instant now = clock.instant();
        for (CommissionLine line : lines.lockOfOrder(refund.orderId())) {
            if (line.remaining().signum() == 0) {
                continue;
            }
            BigDecimal reversal = Reversal.of(line.amount(), line.remaining(), refund.cv(), sale.cv(), refundedAfter);
            if (reversal.signum() > 0) {
                UUID reversalId = UUID.randomUUID();
                lines.reverse(line.lineId(), reversalId, refund.refundId(), reversal, line.released());
                events.reversed(line, reversalId, refund.refundId(), reversal, sale.currency(), now);
            }
        }
        if (refund.cv().signum() > 0) {
            sales.addVolume(sale.sellerId(), period, refund.cv().negate());
        }
    }
}
