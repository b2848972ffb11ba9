package io.downline.incentive.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.OpenProgram;
import io.downline.incentive.domain.OrderEvent;
import io.downline.incentive.domain.ProgressKey;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.PublishedWindow;
import io.downline.incentive.domain.QualificationKey;
import io.downline.incentive.domain.Sale;
import io.downline.incentive.repository.AnnouncementStore;
import io.downline.incentive.repository.EngineFacts;
import io.downline.incentive.repository.LeaderboardTopStore;
import io.downline.incentive.repository.ProgramStore;
import io.downline.incentive.repository.ProgressStore;
import io.downline.incentive.repository.QualificationStore;
import io.downline.platform.events.EventType;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;
import io.downline.platform.outbox.OutboxWriter;

/**
 * A batch of order events applied set-based, with the same effect as {@link Engine#orderCompleted} and
 * {@link Engine#orderRefunded} one after the other: the published programs read once (share-locked), the sales
 * recorded in one statement, every progress row of the batch read in one statement (rows missing are created and read
 * in two more), the steps settled in memory in the batch's order ({@link BatchSettlement}), then one statement each
 * to store the rows, mark them for announcement, move the leaderboard's buckets (after locking them in key order)
 * and list the top, and the qualifications in at most three statements. The rows are not locked when read: each is
 * stored only if it is still the version read, and if another transaction changed one meanwhile the batch throws
 * {@link ProgressChanged}. That, and anything else the batch cannot apply whole (a seller or a sale not known yet),
 * makes the platform apply the batch one event at a time.
 */
@ApplicationScoped
public class OrderBatch {

    private final ProgramStore programs;
    private final OpenPrograms open;
    private final ProgressStore progress;
    private final EngineFacts facts;
    private final QualificationStore qualifications;
    private final AnnouncementStore announcements;
    private final LeaderboardTopStore top;
    private final OutboxWriter outbox;
    private final Parking parking;
    private final Clock clock;

    public OrderBatch(ProgramStore programs, OpenPrograms open, ProgressStore progress, EngineFacts facts,
            QualificationStore qualifications, AnnouncementStore announcements, LeaderboardTopStore top, OutboxWriter outbox,
            Parking parking, Clock clock) {
        this.programs = programs;
        this.open = open;
        this.progress = progress;
        this.facts = facts;
        this.qualifications = qualifications;
        this.announcements = announcements;
        this.top = top;
        this.outbox = outbox;
        this.parking = parking;
        this.clock = clock;
    }

    /** A change of a member's personal volume in a program, at its place in the batch. */
    private record Step(ProgressKey key, BigDecimal delta) {
    }

    /** Applies the events in their order; {@code consumer} is whose parked refunds a new sale releases. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String consumer, List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<PublishedWindow> windows = programs.publishedWindows();
        Map<UUID, Sale> firstSales = new LinkedHashMap<>();
        for (OrderEvent event : events) {
            if (event instanceof OrderEvent.Completed sale) {
                firstSales.putIfAbsent(sale.orderId(), new Sale(sale.orderId(), sale.sellerId(), sale.completedAt(),
                        sale.volume(), BigDecimal.ZERO, now));
            }
        }
        Set<UUID> fresh = firstSales.isEmpty() ? Set.of() : facts.recordSales(List.copyOf(firstSales.values()));
        Set<UUID> refunded = new TreeSet<>();
        events.stream().filter(OrderEvent.Refunded.class::isInstance).forEach(e -> refunded.add(e.orderId()));
        Map<UUID, Sale> sales = refunded.isEmpty() ? Map.of() : facts.lockSales(refunded);
        Set<UUID> members = new HashSet<>();
        events.stream().filter(OrderEvent.Completed.class::isInstance)
                .forEach(e -> members.add(((OrderEvent.Completed) e).sellerId()));
        sales.values().forEach(sale -> members.add(sale.memberId()));
        Map<UUID, MemberStanding> standings = facts.standings(members);

        List<Step> steps = new ArrayList<>();
        Set<UUID> counted = new LinkedHashSet<>();
        Map<UUID, BigDecimal> refunds = new HashMap<>();
        for (OrderEvent event : events) {
            if (event instanceof OrderEvent.Completed sale) {
                standing(standings, sale.sellerId());
                if (fresh.contains(sale.orderId()) && counted.add(sale.orderId())) {
                    windows.stream().filter(w -> w.counts(sale.completedAt())).forEach(w -> steps.add(
                            new Step(new ProgressKey(w.programId(), sale.sellerId()), sale.volume())));
                }
            } else if (event instanceof OrderEvent.Refunded refund) {
                Sale sale = sales.get(refund.orderId());
                if (sale == null || fresh.contains(refund.orderId()) && !counted.contains(refund.orderId())) {
                    throw new WaitingFor("order", refund.orderId());
                }
                BigDecimal before = sale.refunded().add(refunds.getOrDefault(refund.orderId(), BigDecimal.ZERO));
                BigDecimal amount = refund.volume().min(sale.volume().subtract(before));
                if (amount.signum() <= 0) {
                    continue;
                }
                refunds.merge(refund.orderId(), amount, BigDecimal::add);
                standing(standings, sale.memberId());
                windows.stream().filter(w -> w.counted(sale.completedAt(), sale.appliedAt())).forEach(w -> steps.add(
                        new Step(new ProgressKey(w.programId(), sale.memberId()), amount.negate())));
            }
        }
        if (!refunds.isEmpty()) {
            facts.addRefunds(refunds);
        }
        settle(steps, standings, now);
        if (!counted.isEmpty()) {
            facts.awaitedOrders(consumer, counted).forEach(order -> parking.release("order", order));
        }
    }

    private List<ProgressRow> read(List<ProgressKey> keys, Map<ProgressKey, String> versions) {
        return progress.readAll(keys).stream().map(read -> {
            versions.put(new ProgressKey(read.row().programId(), read.row().memberId()), read.version());
            return read.row();
        }).toList();
    }

    private void settle(List<Step> steps, Map<UUID, MemberStanding> standings, Instant now) {
        if (steps.isEmpty()) {
            return;
        }
        List<ProgressKey> keys = steps.stream().map(Step::key).distinct().sorted().toList();
        Map<ProgressKey, String> versions = new HashMap<>();
        List<ProgressRow> rows = new ArrayList<>(read(keys, versions));
        // A sale (even of zero volume) creates the row; a refund lowers only a row that exists. The rows that exist
        // are read first and only the missing ones created (a member's first sale in a program), in key order:
        // inserts of one key by two transactions wait for each other in that order.
        Set<ProgressKey> found = new HashSet<>();
        rows.forEach(row -> found.add(new ProgressKey(row.programId(), row.memberId())));
        List<ProgressKey> missing = steps.stream().filter(s -> s.delta().signum() >= 0).map(Step::key)
                .filter(key -> !found.contains(key)).distinct().sorted().toList();
        Set<ProgressKey> created = Set.of();
        if (!missing.isEmpty()) {
            created = progress.createMissing(missing, now);
            rows.addAll(read(missing, versions));
        }
        BatchSettlement settlement = new BatchSettlement(rows, created, now);
        for (Step step : steps) {
            settlement.addPersonalVolume(open.get(step.key().programId()), step.key(),
                    standings.get(step.key().memberId()), step.delta());
        }
        List<ProgressRow> touched = settlement.touchedRows();
        if (progress.saveAll(touched, versions, now) != touched.size()) {
            throw new ProgressChanged();
        }
        announcements.mark(touched.stream().map(row -> new ProgressKey(row.programId(), row.memberId())).toList());
        progress.lockBuckets(settlement.bucketPrograms(), settlement.bucketScores());
        progress.moveBuckets(settlement.bucketPrograms(), settlement.bucketScores(), settlement.bucketDeltas());
        top.follow(settlement.rankedRows());
        qualify(settlement, now);
    }

    /**
     * Stores the qualifications and publishes one {@code incentive.qualified} per tier gained. A first gain of a tier
     * in the batch is new only if the member did not hold it (the database says, as for one event); a gain after a
     * loss in the batch always is, and its time is the batch's.
     */
    private void qualify(BatchSettlement settlement, Instant now) {
        List<BatchSettlement.Gain> gains = settlement.gains();
        List<QualificationKey> first = gains.stream().filter(g -> !g.certain()).map(BatchSettlement.Gain::level)
                .distinct().sorted(QualificationStore.ORDER).toList();
        List<QualificationKey> again = gains.stream().filter(BatchSettlement.Gain::certain)
                .map(BatchSettlement.Gain::level).distinct().sorted(QualificationStore.ORDER).toList();
        Set<QualificationKey> gainedFirst = first.isEmpty() ? Set.of() : qualifications.qualifyAll(first, false, now);
        if (!again.isEmpty()) {
            qualifications.qualifyAll(again, true, now);
        }
        List<QualificationKey> kept = settlement.keptAfterLosses();
        if (!kept.isEmpty()) {
            qualifications.loseAll(kept, now);
        }
        List<OutboxWriter.Event> qualified = new ArrayList<>();
        for (BatchSettlement.Gain gain : gains) {
            if (gain.certain() || gainedFirst.contains(gain.level())) {
                OpenProgram program = open.get(gain.level().programId());
                UUID member = gain.level().memberId();
                qualified.add(new OutboxWriter.Event(EventType.INCENTIVE_QUALIFIED, member, new IncentiveQualified(
                        program.id(), member, program.name(), program.rules().tier(gain.level().level()).name(), now)));
            }
        }
        outbox.publishAll(qualified);
    }

    private static MemberStanding standing(Map<UUID, MemberStanding> standings, UUID memberId) {
        MemberStanding standing = standings.get(memberId);
        if (standing == null) {
            throw new WaitingFor("member", memberId);
        }
        return standing;
    }
}
