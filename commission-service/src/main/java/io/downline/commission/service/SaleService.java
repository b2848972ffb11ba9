package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.downline.commission.repository.SaleRepository.VolumeKey;
import io.downline.commission.repository.UplineRepository;
import io.downline.commission.repository.UplineRepository.Start;
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

    /**
     * The walk reads the figures of the first (this × the plan's levels) uplines at once, enough unless many of them
     * are skipped; a walk that needs more reads the rest of its upline's figures.
     */
    static final int FIGURED_STEPS_PER_LEVEL = 2;

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
        List<SaleRecord> recorded = completeAll(List.of(order));
        return recorded.isEmpty() ? sales.find(order.orderId()).orElseThrow() : recorded.get(0);
    }

    /**
     * Records the sales and their lines in the order given, with the same effect as {@link #complete} on each one
     * after the other, in a few statements: every upline in one query, then the sales, the lines, their events and
     * the volumes in one statement each. A sale sees the volume the sales before it in the list added (its uplines'
     * qualification). Orders recorded before, or twice in the list, are skipped. Returns the sales recorded.
     * Throws {@link WaitingFor} while a seller (or a sponsor above them) is not known yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SaleRecord> completeAll(List<NewSale> orders) {
        VolumeChanges volumes = new VolumeChanges();
        List<SaleRecord> recorded = completeAll(orders, volumes);
        write(volumes);
        return recorded;
    }

    /**
     * {@link #completeAll(List)} inside a longer run of sales and refunds ({@link OrderEvents}): the walks read the
     * stored volumes plus the run's changes so far, and the sales' volume is added to the run's changes, which the
     * caller writes at the end of its transaction.
     */
    List<SaleRecord> completeAll(List<NewSale> orders, VolumeChanges volumes) {
        Instant now = clock.instant();
        PlanService.InForce inForce = plans.inForceAt(now);
        Set<UUID> seen = sales.existing(orders.stream().map(NewSale::orderId).toList());
        List<NewSale> fresh = new ArrayList<>();
        for (NewSale order : orders) {
            if (seen.add(order.orderId())) {
                if (!inForce.plan().currency().equals(order.currency())) {
                    throw new BusinessRuleException("currency", "Sales are in " + inForce.plan().currency() + "; "
                            + order.currency() + " is refused");
                }
                fresh.add(order);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Map<Start, List<UplineRow>> uplinesOf = uplines.uplines(fresh.stream()
                .map(order -> new Start(order.sellerId(), Periods.format(Periods.of(order.completedAt())))).toList(),
                FIGURED_STEPS_PER_LEVEL * inForce.plan().levels());
        Map<VolumeKey, BigDecimal> addedBefore = volumes.snapshot();
        List<Computed> computed = new ArrayList<>(fresh.size());
        for (NewSale order : fresh) {
            String period = Periods.format(Periods.of(order.completedAt()));
            Start start = new Start(order.sellerId(), period);
            Optional<Computed> sale = compute(order, period, uplinesOf.get(start), addedBefore, inForce, now);
            if (sale.isEmpty()) {
                uplinesOf.putAll(uplines.uplines(List.of(start), UplineRepository.MAX_DEPTH));
                sale = compute(order, period, uplinesOf.get(start), addedBefore, inForce, now);
            }
            computed.add(sale.orElseThrow());
            addedBefore.merge(new VolumeKey(order.sellerId(), period), order.cv(), BigDecimal::add);
        }
        Set<UUID> inserted = sales.insertAll(computed.stream().map(Computed::sale).toList(), now);
        List<Computed> recorded = computed.stream().filter(sale -> inserted.contains(sale.sale().orderId())).toList();
        List<CommissionEvents.Earned> earned = recorded.stream().flatMap(sale -> sale.lines().stream()
                .map(line -> new CommissionEvents.Earned(line, sale.sale().cv(), sale.sale().currency()))).toList();
        if (!earned.isEmpty()) {
            lines.insertAll(earned.stream().map(CommissionEvents.Earned::line).toList());
            events.earnedAll(earned, now);
        }
        recorded.forEach(sale -> volumes.add(new VolumeKey(sale.sale().sellerId(), sale.sale().period()),
                sale.sale().cv()));
        List<UUID> recordedOrders = recorded.stream().map(sale -> sale.sale().orderId()).toList();
        sales.withParkedRefunds(recordedOrders).forEach(order -> parking.release("order", order));
        return recorded.stream().map(Computed::sale).toList();
    }

    /** A sale's record and the lines it pays, before anything is written. */
    private record Computed(SaleRecord sale, List<CommissionLine> lines) {
    }

    /**
     * The walk of one sale over its upline as read at the start of the batch plus what the batch's earlier sales
     * added to the uplines' volumes: what the upline query would read if those sales had been committed. Empty
     * when the walk went past the rows whose figures were read with levels still open: the caller reads the whole
     * upline's figures and walks again.
     */
    private Optional<Computed> compute(NewSale order, String period, List<UplineRow> rows,
            Map<VolumeKey, BigDecimal> addedBefore, PlanService.InForce inForce, Instant now) {
        if (rows == null) {
            throw new WaitingFor("member", order.sellerId());
        }
        UplineRow top = rows.get(rows.size() - 1);
        if (top.sponsorId() != null) {
            throw new WaitingFor("member", top.sponsorId());
        }
        String previous = Periods.format(Periods.parse(period).minusMonths(1));
        List<UplineMember> walkers = new ArrayList<>();
        List<UUID> upline = new ArrayList<>();
        boolean unfigured = false;
        for (UplineRow row : rows.subList(1, Math.max(1, rows.size() - 1))) {
            if (row.figured()) {
                walkers.add(new UplineMember(row.step(), row.memberId(), "ACTIVE".equals(row.status()),
                        plus(row.pvCurrent(), addedBefore.get(new VolumeKey(row.memberId(), period))),
                        plus(row.pvPrevious(), addedBefore.get(new VolumeKey(row.memberId(), previous))),
                        row.paidAsRank()));
            } else {
                unfigured = true;
            }
            upline.add(row.memberId());
        }
        Walk walk = CommissionWalk.walk(inForce.plan(), order.cv(), walkers);
        if (unfigured && walk.lines().size() < inForce.plan().levels()) {
            return Optional.empty();
        }
        String explanation = EventJson.write(SaleExplanation.of(inForce.version(), upline, walk));
        SaleRecord sale = new SaleRecord(order.orderId(), order.sellerId(), order.amount(), order.currency(),
                order.cv(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), order.completedAt(), period,
                inForce.version(), walk.paid(), walk.breakage(), explanation);
        Instant releaseAt = now.plus(Duration.ofDays(inForce.plan().holdDays()));
        List<CommissionLine> paidLines = new ArrayList<>();
        for (PaidLine paid : walk.lines()) {
            if (paid.amount().signum() > 0) {
                paidLines.add(new CommissionLine(UUID.randomUUID(), order.orderId(), paid.beneficiaryId(),
                        order.sellerId(), paid.level(), paid.rate(), paid.amount(), paid.amount(), paid.paidAsRank(),
                        period, inForce.version(), paid.rule(), now, releaseAt, null));
            }
        }
        return Optional.of(new Computed(sale, paidLines));
    }

    /** A volume as stored (two decimals) after what the batch added to it. */
    private static BigDecimal plus(BigDecimal stored, BigDecimal added) {
        return added == null ? stored : stored.add(added).setScale(2);
    }

    /**
     * Reverses the sale's lines in proportion to the refunded CV (the last refund takes what remains) and lowers
     * the seller's PV in the refund's period; the same refund again changes nothing. Throws {@link WaitingFor}
     * while the order is not known yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refund(NewRefund refund) {
        VolumeChanges volumes = new VolumeChanges();
        refund(refund, volumes);
        write(volumes);
    }

    /**
     * Writes a run's volume changes, after everything else it locks (see {@link VolumeChanges}); what follows in
     * the transaction (the outbox, the audit record) takes no lock another writer holds.
     */
    void write(VolumeChanges volumes) {
        volumes.write(sales);
    }

    /** {@link #refund(NewRefund)} inside a run of sales and refunds: the seller's PV change joins the run's. */
    void refund(NewRefund refund, VolumeChanges volumes) {
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
            volumes.add(new VolumeKey(sale.sellerId(), period), refund.cv().negate());
        }
    }
}
