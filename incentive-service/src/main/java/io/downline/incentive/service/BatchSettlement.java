package io.downline.incentive.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.OpenProgram;
import io.downline.incentive.domain.ProgressKey;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.QualificationKey;
import io.downline.incentive.domain.Settled;

/**
 * A batch's changes of personal volume settled in memory, step by step in the batch's order, exactly as one event
 * after the other would settle them: each step evaluates the row again, moves its leaderboard buckets and decides
 * qualifications (gained, lost, gained again). What it collects is written by a few set-based statements.
 */
final class BatchSettlement {

    /** A tier gained at a step; {@code certain} when the batch took it away before (so it is not held now). */
    record Gain(QualificationKey level, boolean certain) {
    }

    private final Map<ProgressKey, ProgressRow> rows = new TreeMap<>();
    private final Map<ProgressKey, ProgressRow> stored = new HashMap<>();
    private final Set<ProgressKey> live;
    private final Instant now;
    private final Set<ProgressKey> touched = new TreeSet<>();
    private final Set<ProgressKey> ranked = new TreeSet<>();
    private final List<UUID> bucketPrograms = new ArrayList<>();
    private final List<BigDecimal> bucketScores = new ArrayList<>();
    private final List<Integer> bucketDeltas = new ArrayList<>();
    private final List<Gain> gains = new ArrayList<>();
    private final Set<QualificationKey> lostInBatch = new HashSet<>();
    private final Set<ProgressKey> dropped = new LinkedHashSet<>();

    /**
     * @param rows    the rows locked for the batch (including those created empty for its sales)
     * @param created the rows created for the batch: they exist for a refund only after a sale of the batch
     */
    BatchSettlement(List<ProgressRow> rows, Set<ProgressKey> created, Instant now) {
        rows.forEach(row -> this.rows.put(new ProgressKey(row.programId(), row.memberId()), row));
        this.stored.putAll(this.rows);
        this.live = new HashSet<>(this.rows.keySet());
        this.live.removeAll(created);
        this.now = now;
    }

    /** Adds {@code delta} to the member's personal volume in the program, as one event would. */
    void addPersonalVolume(OpenProgram program, ProgressKey key, MemberStanding standing, BigDecimal delta) {
        ProgressRow row = rows.get(key);
        if (row == null || !live.contains(key) && delta.signum() < 0) {
            // A lowering change applies only to rows that exist: what it lowers was counted there.
            return;
        }
        live.add(key);
        Figures before = row.figures();
        Figures figures = new Figures(before.personalVolume().add(delta), before.groupVolume(),
                before.newPersonallySponsored(), before.highestRank(), before.kycApproved());
        Settled settled = Settled.of(program, standing, row, figures, now);
        rows.put(key, settled.after());
        touched.add(key);
        if (settled.moved()) {
            ranked.add(key);
            moveBuckets(settled);
            decide(key, settled);
        }
    }

    private void moveBuckets(Settled settled) {
        if (settled.before().eligible()) {
            bucketPrograms.add(settled.before().programId());
            bucketScores.add(settled.before().evaluation().score());
            bucketDeltas.add(-1);
        }
        if (settled.after().eligible()) {
            bucketPrograms.add(settled.after().programId());
            bucketScores.add(settled.after().evaluation().score());
            bucketDeltas.add(1);
        }
    }

    private void decide(ProgressKey key, Settled settled) {
        for (int level = settled.heldBefore() + 1; level <= settled.heldAfter(); level++) {
            QualificationKey gained = new QualificationKey(key.programId(), key.memberId(), level);
            gains.add(new Gain(gained, lostInBatch.remove(gained)));
        }
        for (int level = settled.heldAfter() + 1; level <= settled.heldBefore(); level++) {
            lostInBatch.add(new QualificationKey(key.programId(), key.memberId(), level));
        }
        if (settled.heldAfter() < settled.heldBefore()) {
            dropped.add(key);
        }
    }

    /** The rows the batch changed, as they now stand, in key order. */
    List<ProgressRow> touchedRows() {
        return touched.stream().map(rows::get).toList();
    }

    /**
     * The rows whose eligibility or evaluation moved at some step, each as stored before the batch and as it now
     * stands, in key order.
     */
    List<Settled> rankedRows() {
        return ranked.stream().map(key -> new Settled(stored.get(key), rows.get(key))).toList();
    }

    List<UUID> bucketPrograms() {
        return bucketPrograms;
    }

    List<BigDecimal> bucketScores() {
        return bucketScores;
    }

    List<Integer> bucketDeltas() {
        return bucketDeltas;
    }

    /** Every tier gained, in the order of the steps (a tier gained, lost and gained again appears twice). */
    List<Gain> gains() {
        return gains;
    }

    /** For each member who lost tiers in a program during the batch: the tier they hold at its end. */
    List<QualificationKey> keptAfterLosses() {
        return dropped.stream().map(key -> {
            ProgressRow row = rows.get(key);
            return new QualificationKey(key.programId(), key.memberId(),
                    row.eligible() ? row.evaluation().tierReached() : 0);
        }).toList();
    }
}
