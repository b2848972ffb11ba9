package io.downline.incentive.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.incentive.domain.FigureChange;
import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.OpenProgram;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.Rank;
import io.downline.incentive.domain.Sale;
import io.downline.incentive.domain.Settled;
import io.downline.incentive.domain.ProgressKey;
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
 * The live qualification engine. Each event is applied in the consumer's transaction: the figures of every
 * published program whose window contains the event's business time move, each changed row is evaluated against
 * the program's frozen rules, the leaderboard's buckets follow, and a member who reaches a tier is qualified at
 * once ({@code incentive.qualified}). {@code incentive.progress-updated} is left to the {@link Announcer}.
 */
@ApplicationScoped
public class Engine {

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

    public Engine(ProgramStore programs, OpenPrograms open, ProgressStore progress, EngineFacts facts,
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

    /** A sale counts for the seller's personal volume in the window of its completion time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCompleted(UUID orderId, UUID sellerId, BigDecimal volume, Instant completedAt) {
        MemberStanding seller = standing(sellerId);
        Instant now = clock.instant();
        if (!facts.recordSale(new Sale(orderId, sellerId, completedAt, volume, BigDecimal.ZERO, now))) {
            return;
        }
        parking.release("order", orderId);
        List<FigureChange> changes = programs.publishedCounting(completedAt).stream()
                .map(id -> FigureChange.personalVolume(id, volume)).toList();
        apply(sellerId, seller, changes, now);
    }

    /**
     * A refund lowers the seller's personal volume in the window of the sale, in the programs that counted the sale,
     * until they close. Never more than what is left of the sale.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderRefunded(UUID orderId, BigDecimal volume) {
        Sale sale = facts.lockSale(orderId).orElseThrow(() -> new WaitingFor("order", orderId));
        BigDecimal refunded = volume.min(sale.volume().subtract(sale.refunded()));
        if (refunded.signum() <= 0) {
            return;
        }
        facts.addRefund(orderId, refunded);
        MemberStanding seller = standing(sale.memberId());
        List<FigureChange> changes = programs.publishedCounting(sale.completedAt(), sale.appliedAt()).stream()
                .map(id -> FigureChange.personalVolume(id, refunded.negate())).toList();
        apply(sale.memberId(), seller, changes, clock.instant());
    }

    /** A closed period's group volume replaces what an earlier close of the same period said. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void groupVolumeClosed(UUID memberId, String period, BigDecimal groupVolume) {
        MemberStanding member = standing(memberId);
        BigDecimal delta = groupVolume.subtract(facts.replaceGroupVolume(memberId, period, groupVolume));
        if (delta.signum() == 0) {
            return;
        }
        List<FigureChange> changes = programs.publishedCounting(periodStart(period)).stream()
                .map(id -> FigureChange.groupVolume(id, delta)).toList();
        apply(memberId, member, changes, clock.instant());
    }

    /**
     * A rank change of a closed period: the highest new rank of the periods inside each window is the rank reached;
     * the current rank also decides eligibility in every program.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rankChanged(UUID memberId, String period, Rank newRank) {
        Map<String, Rank> ranks = facts.replaceRank(memberId, period, newRank);
        MemberStanding member = standing(memberId);
        Instant now = clock.instant();
        List<FigureChange> changes = new ArrayList<>();
        for (UUID id : programs.publishedCounting(periodStart(period))) {
            OpenProgram program = open.get(id);
            Rank highest = ranks.entrySet().stream()
                    .filter(e -> program.rules().window().counts(YearMonth.parse(e.getKey())))
                    .map(Map.Entry::getValue).reduce(Rank.MEMBER, Rank::higher);
            changes.add(FigureChange.rank(id, highest));
        }
        apply(memberId, member, changes, now);
        refresh(memberId, member, now);
    }

    /**
     * A recruit who becomes active counts for their sponsor in the programs whose window contains the recruit's
     * registration, once per program.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recruitActivated(UUID recruitId, UUID sponsorId, Instant registeredAt) {
        MemberStanding sponsor = standing(sponsorId);
        List<UUID> counting = programs.publishedCounting(registeredAt);
        if (counting.isEmpty()) {
            return;
        }
        List<FigureChange> changes = facts.countRecruit(recruitId, sponsorId, counting).stream()
                .map(FigureChange::recruit).toList();
        apply(sponsorId, sponsor, changes, clock.instant());
    }

    /**
     * The member's KYC was approved (true) or the approval expired (false): the "KYC approved" criterion follows in
     * every published program, as a standing rather than a figure of the window. An event older than the newest one
     * recorded changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void kycChanged(UUID memberId, boolean approved, Instant at) {
        MemberStanding member = standing(memberId);
        if (!facts.recordKyc(memberId, approved, at)) {
            return;
        }
        List<FigureChange> changes = programs.published().stream().map(id -> FigureChange.kyc(id, approved)).toList();
        apply(memberId, member, changes, clock.instant());
    }

    /** The member's standing changed (status, country, rank): eligibility is evaluated again where they take part. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void standingChanged(UUID memberId) {
        refresh(memberId, standing(memberId), clock.instant());
    }

    private MemberStanding standing(UUID memberId) {
        return facts.standing(memberId).orElseThrow(() -> new WaitingFor("member", memberId));
    }

    private void apply(UUID memberId, MemberStanding standing, List<FigureChange> changes, Instant now) {
        if (!changes.isEmpty()) {
            List<ProgressRow> rows = progress.add(memberId, changes, now);
            announcements.mark(keys(rows));
            settle(memberId, standing, rows, now);
        }
    }

    private void refresh(UUID memberId, MemberStanding standing, Instant now) {
        List<UUID> published = programs.published();
        if (!published.isEmpty()) {
            announcements.mark(keys(settle(memberId, standing, progress.lock(memberId, published), now)));
        }
    }

    private static List<ProgressKey> keys(List<ProgressRow> rows) {
        return rows.stream().map(row -> new ProgressKey(row.programId(), row.memberId())).toList();
    }

    /** Evaluates the rows again; stores, re-buckets and qualifies what moved, and returns it. */
    private List<ProgressRow> settle(UUID memberId, MemberStanding standing, List<ProgressRow> rows, Instant now) {
        List<Settled> moved = new ArrayList<>();
        List<UUID> bucketPrograms = new ArrayList<>();
        List<BigDecimal> bucketScores = new ArrayList<>();
        List<Integer> bucketDeltas = new ArrayList<>();
        for (ProgressRow row : rows) {
            OpenProgram program = open.get(row.programId());
            Settled settled = Settled.of(program, standing, row, row.figures(), now);
            if (!settled.moved()) {
                continue;
            }
            moved.add(settled);
            if (row.eligible()) {
                bucketPrograms.add(row.programId());
                bucketScores.add(row.evaluation().score());
                bucketDeltas.add(-1);
            }
            if (settled.after().eligible()) {
                bucketPrograms.add(row.programId());
                bucketScores.add(settled.after().evaluation().score());
                bucketDeltas.add(1);
            }
            qualify(program, memberId, settled.heldBefore(), settled.heldAfter(), now);
        }
        if (!moved.isEmpty()) {
            List<ProgressRow> after = moved.stream().map(Settled::after).toList();
            progress.saveEvaluations(memberId, after, now);
            progress.moveBuckets(bucketPrograms, bucketScores, bucketDeltas);
            top.follow(moved);
            return after;
        }
        return List.of();
    }

    private void qualify(OpenProgram program, UUID memberId, int heldBefore, int heldAfter, Instant now) {
        if (heldAfter > heldBefore) {
            for (int level : qualifications.qualify(program.id(), memberId, heldBefore + 1, heldAfter, now)) {
                outbox.publish(EventType.INCENTIVE_QUALIFIED, memberId, new IncentiveQualified(program.id(), memberId,
                        program.name(), program.rules().tier(level).name(), now));
            }
        } else if (heldAfter < heldBefore) {
            qualifications.lose(program.id(), memberId, heldAfter, now);
        }
    }

    private static Instant periodStart(String period) {
        return YearMonth.parse(period).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
