package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;
import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Evaluation;
import io.downline.incentive.domain.FigureChange;
import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.ProgressKey;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.Rank;

/**
 * Per-member progress, written by the engine in a few set-based statements per event: one upsert of the figures
 * of every program the event counts in, one update of the evaluations that moved.
 */
@ApplicationScoped
public class ProgressStore {

    private static final String RETURNED = """
            program_id, member_id, personal_volume, group_volume, new_sponsored, highest_rank, kyc_approved, eligible,
            tier_reached, criteria_met, criteria_total, progress_percent, score, score_since""";

    private final Sql sql;

    public ProgressStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Adds the changes to the member's figures (a new row per program where there was none) and returns the rows
     * after, locked until the transaction ends. Deltas are added in SQL, so two events of one member applied
     * concurrently never lose each other's change. A rank change sets the highest rank reached instead, a KYC
     * change the approval (every change of one call sets it, or none); a new row starts from the member's standing
     * KYC approval.
     */
    public List<ProgressRow> add(UUID memberId, List<FigureChange> changes, Instant now) {
        boolean setsRank = changes.stream().anyMatch(c -> c.highestRank() != null);
        if (setsRank && !changes.stream().allMatch(c -> c.highestRank() != null)) {
            throw new IllegalArgumentException("Rank changes are applied apart from other changes");
        }
        boolean setsKyc = changes.stream().anyMatch(c -> c.kycApproved() != null);
        if (setsKyc && !changes.stream().allMatch(c -> c.kycApproved() != null)) {
            throw new IllegalArgumentException("KYC changes are applied apart from other changes");
        }
        if (changes.stream().anyMatch(FigureChange::lowers)) {
            return lower(memberId, changes, now);
        }
        return sql.query("""
                INSERT INTO progress AS p (program_id, member_id, personal_volume, group_volume, new_sponsored,
                    highest_rank, kyc_approved, score_since, updated_at)
                SELECT c.program_id, m.id, c.pv, c.gv, c.sponsored, coalesce(c.rank, 'MEMBER'),
                    coalesce(c.kyc, EXISTS (SELECT 1 FROM member_kyc k WHERE k.member_id = m.id AND k.approved)),
                    ?, ?
                FROM unnest(?::uuid[], ?::numeric[], ?::numeric[], ?::int[], ?::text[], ?::boolean[])
                    AS c (program_id, pv, gv, sponsored, rank, kyc)
                CROSS JOIN (SELECT ?::uuid AS id) AS m
                ORDER BY c.program_id
                ON CONFLICT (program_id, member_id) DO UPDATE SET
                    personal_volume = p.personal_volume + EXCLUDED.personal_volume,
                    group_volume = p.group_volume + EXCLUDED.group_volume,
                    new_sponsored = p.new_sponsored + EXCLUDED.new_sponsored,
                    highest_rank = CASE WHEN ?::boolean THEN EXCLUDED.highest_rank ELSE p.highest_rank END,
                    kyc_approved = CASE WHEN ?::boolean THEN EXCLUDED.kyc_approved ELSE p.kyc_approved END,
                    updated_at = EXCLUDED.updated_at
                RETURNING""" + " " + RETURNED,
                this::row, now, now,
                array(changes.stream().map(FigureChange::programId).toList()),
                array(changes.stream().map(FigureChange::personalVolume).toList()),
                array(changes.stream().map(FigureChange::groupVolume).toList()),
                array(changes.stream().map(FigureChange::newSponsored).toList()),
                array(changes.stream().map(c -> c.highestRank() == null ? null : c.highestRank().name()).toList()),
                array(changes.stream().map(FigureChange::kycApproved).toList()),
                memberId, setsRank, setsKyc);
    }

    /**
     * A lowering change (a refund, a repeated close with less volume) applies only to rows that exist: what it
     * lowers was counted there. An upsert cannot do it, since PostgreSQL tests the CHECKs on the proposed new row
     * (a negative volume) before it finds the conflict.
     */
    private List<ProgressRow> lower(UUID memberId, List<FigureChange> changes, Instant now) {
        return sql.query("""
                UPDATE progress p SET personal_volume = p.personal_volume + c.pv, group_volume = p.group_volume + c.gv,
                    new_sponsored = p.new_sponsored + c.sponsored, updated_at = ?
                FROM unnest(?::uuid[], ?::numeric[], ?::numeric[], ?::int[]) AS c (program_id, pv, gv, sponsored)
                WHERE p.program_id = c.program_id AND p.member_id = ?
                RETURNING p.program_id, p.member_id, p.personal_volume, p.group_volume, p.new_sponsored,
                    p.highest_rank, p.kyc_approved, p.eligible, p.tier_reached, p.criteria_met, p.criteria_total, p.progress_percent,
                    p.score, p.score_since""", this::row, now,
                array(changes.stream().map(FigureChange::programId).toList()),
                array(changes.stream().map(FigureChange::personalVolume).toList()),
                array(changes.stream().map(FigureChange::groupVolume).toList()),
                array(changes.stream().map(FigureChange::newSponsored).toList()),
                memberId);
    }

    /**
     * Creates the rows that do not exist yet (zero figures, the member's standing KYC approval, not evaluated), in
     * key order; returns the keys created.
     */
    public Set<ProgressKey> createMissing(List<ProgressKey> keys, Instant now) {
        return new HashSet<>(sql.query("""
                INSERT INTO progress AS p (program_id, member_id, kyc_approved, score_since, updated_at)
                SELECT k.program_id, k.member_id,
                    EXISTS (SELECT 1 FROM member_kyc c WHERE c.member_id = k.member_id AND c.approved), ?, ?
                FROM unnest(?::uuid[], ?::uuid[]) AS k (program_id, member_id)
                ORDER BY k.member_id, k.program_id
                ON CONFLICT (program_id, member_id) DO NOTHING
                RETURNING program_id, member_id""",
                row -> new ProgressKey(uuid(row, "program_id"), uuid(row, "member_id")), now, now,
                array(keys.stream().map(ProgressKey::programId).toList()),
                array(keys.stream().map(ProgressKey::memberId).toList())));
    }

    /** A row as read, with its version: its {@code xmin}, which every write of the row changes. */
    public record Versioned(ProgressRow row, String version) {
    }

    /**
     * The rows of these keys that exist, in key order, unlocked: {@link #saveAll} writes each only if it is still the
     * version read (a lock here would write every row twice, the lock and then the update). The rows are found by
     * member, one descent of the key's index per member (a member's rows in every program lie side by side), with
     * the programs a filter: looked up pair by pair, a batch of 500 sales in 10 programs took ten times the index
     * pages (24,000 against 2,300, and 4 times the time).
     */
    public List<Versioned> readAll(List<ProgressKey> keys) {
        Set<ProgressKey> wanted = new HashSet<>(keys);
        return sql.query("SELECT " + RETURNED + ", xmin::text AS version FROM progress WHERE member_id = ANY (?)"
                + " AND program_id IN (SELECT unnest(?::uuid[])) ORDER BY member_id, program_id",
                row -> new Versioned(row(row), row.getString("version")),
                array(keys.stream().map(ProgressKey::memberId).distinct().toList()),
                array(keys.stream().map(ProgressKey::programId).distinct().toList())).stream()
                .filter(read -> wanted.contains(new ProgressKey(read.row().programId(), read.row().memberId())))
                .toList();
    }

    /**
     * Stores rows read by {@link #readAll} as they now stand (figures, eligibility, evaluation and the score's time,
     * all computed by the caller), in key order, each only if it is still the version read; returns how many were
     * stored. A row another transaction changed meanwhile is waited for and then left alone.
     */
    public int saveAll(List<ProgressRow> rows, Map<ProgressKey, String> versions, Instant now) {
        return sql.update("""
                UPDATE progress p SET personal_volume = u.pv, group_volume = u.gv, new_sponsored = u.sponsored,
                    eligible = u.eligible, tier_reached = u.tier, criteria_met = u.met, criteria_total = u.total,
                    progress_percent = u.percent, score = u.score, score_since = u.since, updated_at = ?
                FROM unnest(?::uuid[], ?::uuid[], ?::numeric[], ?::numeric[], ?::int[], ?::boolean[], ?::smallint[],
                    ?::smallint[], ?::smallint[], ?::numeric[], ?::numeric[], ?::timestamptz[], ?::text[])
                    AS u (program_id, member_id, pv, gv, sponsored, eligible, tier, met, total, percent, score, since,
                        version)
                WHERE p.program_id = u.program_id AND p.member_id = u.member_id AND p.xmin::text = u.version""",
                now,
                array(rows.stream().map(ProgressRow::programId).toList()),
                array(rows.stream().map(ProgressRow::memberId).toList()),
                array(rows.stream().map(r -> r.figures().personalVolume()).toList()),
                array(rows.stream().map(r -> r.figures().groupVolume()).toList()),
                array(rows.stream().map(r -> r.figures().newPersonallySponsored()).toList()),
                array(rows.stream().map(ProgressRow::eligible).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().tierReached()).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().criteriaMet()).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().criteriaTotal()).toList()),
                array(rows.stream().map(r -> r.evaluation().progressPercent()).toList()),
                array(rows.stream().map(r -> r.evaluation().score()).toList()),
                array(rows.stream().map(ProgressRow::scoreSince).toList()),
                array(rows.stream().map(r -> versions.get(new ProgressKey(r.programId(), r.memberId())))
                        .toList()));
    }

    /** The member's rows in these programs, locked until the transaction ends. */
    public List<ProgressRow> lock(UUID memberId, List<UUID> programIds) {
        return sql.query("SELECT " + RETURNED + " FROM progress WHERE member_id = ? AND program_id = ANY (?)"
                + " ORDER BY program_id FOR UPDATE", this::row, memberId, array(programIds));
    }

    public Optional<ProgressRow> find(UUID programId, UUID memberId) {
        return sql.one("SELECT " + RETURNED + " FROM progress WHERE program_id = ? AND member_id = ?", this::row,
                programId, memberId);
    }

    /** Stores new evaluations; the score's time moves only when the score does. */
    public void saveEvaluations(UUID memberId, List<ProgressRow> rows, Instant now) {
        sql.update("""
                UPDATE progress p SET eligible = u.eligible, tier_reached = u.tier, criteria_met = u.met,
                    criteria_total = u.total, progress_percent = u.percent,
                    score_since = CASE WHEN p.score = u.score THEN p.score_since ELSE ? END,
                    score = u.score, updated_at = ?
                FROM unnest(?::uuid[], ?::boolean[], ?::smallint[], ?::smallint[], ?::smallint[], ?::numeric[],
                    ?::numeric[]) AS u (program_id, eligible, tier, met, total, percent, score)
                WHERE p.program_id = u.program_id AND p.member_id = ?""",
                now, now,
                array(rows.stream().map(ProgressRow::programId).toList()),
                array(rows.stream().map(ProgressRow::eligible).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().tierReached()).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().criteriaMet()).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().criteriaTotal()).toList()),
                array(rows.stream().map(r -> r.evaluation().progressPercent()).toList()),
                array(rows.stream().map(r -> r.evaluation().score()).toList()),
                memberId);
    }

    /**
     * Locks the existing buckets of these (program, score) pairs in key order, so that a batch moving many buckets
     * takes them in the same order as any other transaction that does so, and two of them cannot deadlock.
     */
    public void lockBuckets(List<UUID> programIds, List<BigDecimal> scores) {
        if (programIds.isEmpty()) {
            return;
        }
        sql.query("""
                SELECT 1 FROM leaderboard_bucket b
                WHERE (b.program_id, b.score) IN (SELECT * FROM unnest(?::uuid[], ?::numeric[]))
                ORDER BY b.program_id, b.score FOR UPDATE""", row -> 1,
                array(programIds), array(scores));
    }

    /**
     * Moves eligible members between the leaderboard's score buckets: +1 or -1 per (program, score), in key order.
     * Leaving a bucket is an update of a row that exists (the member entered it before); entering one may create
     * it. Two statements, because a CHECK is tested on the proposed row of an upsert before its conflict is found.
     */
    public void moveBuckets(List<UUID> programIds, List<BigDecimal> scores, List<Integer> deltas) {
        if (programIds.isEmpty()) {
            return;
        }
        Object[] parameters = { array(programIds), array(scores), array(deltas) };
        sql.update("""
                UPDATE leaderboard_bucket b SET members = b.members + d.delta
                FROM (SELECT program_id, score, sum(delta) AS delta FROM unnest(?::uuid[], ?::numeric[], ?::int[])
                          AS u (program_id, score, delta)
                      GROUP BY program_id, score HAVING sum(delta) < 0) AS d
                WHERE b.program_id = d.program_id AND b.score = d.score""", parameters);
        sql.update("""
                INSERT INTO leaderboard_bucket AS b (program_id, score, members)
                SELECT d.program_id, d.score, sum(d.delta) FROM unnest(?::uuid[], ?::numeric[], ?::int[])
                    AS d (program_id, score, delta)
                GROUP BY d.program_id, d.score HAVING sum(d.delta) > 0
                ORDER BY d.program_id, d.score
                ON CONFLICT (program_id, score) DO UPDATE SET members = b.members + EXCLUDED.members""", parameters);
    }

    private ProgressRow row(ResultSet row) throws SQLException {
        Figures figures = new Figures(row.getBigDecimal("personal_volume"), row.getBigDecimal("group_volume"),
                row.getInt("new_sponsored"), Rank.valueOf(row.getString("highest_rank")),
                row.getBoolean("kyc_approved"));
        Evaluation evaluation = new Evaluation(row.getShort("tier_reached"), row.getShort("criteria_met"),
                row.getShort("criteria_total"), row.getBigDecimal("progress_percent"), row.getBigDecimal("score"));
        return new ProgressRow(uuid(row, "program_id"), uuid(row, "member_id"), figures, row.getBoolean("eligible"),
                evaluation, instant(row, "score_since"));
    }
}
