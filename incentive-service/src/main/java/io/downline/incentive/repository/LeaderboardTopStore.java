package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.Settled;

/**
 * The top of each program's leaderboard, {@code leaderboard_top}: exactly the eligible progress rows whose score is
 * at least the program's {@code leaderboard_floor}. The engine keeps it with the rows it changes (under its share
 * lock of the program, so the floor cannot move meanwhile); the floor moves only under the program's row lock, which
 * waits for the engine's transactions counting in the program.
 */
@ApplicationScoped
public class LeaderboardTopStore {

    private final Sql sql;

    public LeaderboardTopStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Lists, updates or removes the rows as they now stand, against their program's floor: one statement. The
     * caller holds the rows and a share lock of their programs. Only a row listed before or after is looked up in
     * the table: most changes happen far below the floor (a program lists its top few thousand members), and each of
     * them would cost a probe of the key's index for nothing.
     */
    public void follow(List<Settled> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<ProgressRow> rows = changes.stream().map(Settled::after).toList();
        sql.update("""
                WITH u AS (
                    SELECT u.*, u.eligible AND u.score >= g.leaderboard_floor AS listed,
                        u.was_eligible AND u.was_score >= g.leaderboard_floor AS was_listed
                    FROM unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::numeric[], ?::timestamptz[], ?::smallint[],
                        ?::numeric[], ?::boolean[], ?::numeric[])
                        AS u (program_id, member_id, eligible, score, since, tier, percent, was_eligible, was_score)
                    JOIN program g ON g.id = u.program_id),
                gone AS (
                    DELETE FROM leaderboard_top t USING u
                    WHERE u.was_listed AND NOT u.listed AND t.program_id = u.program_id AND t.member_id = u.member_id)
                INSERT INTO leaderboard_top AS t (program_id, member_id, score, score_since, tier_reached,
                    progress_percent)
                SELECT program_id, member_id, score, since, tier, percent FROM u WHERE listed
                ORDER BY program_id, member_id
                ON CONFLICT (program_id, member_id) DO UPDATE SET score = EXCLUDED.score,
                    score_since = EXCLUDED.score_since, tier_reached = EXCLUDED.tier_reached,
                    progress_percent = EXCLUDED.progress_percent
                WHERE (t.score, t.score_since, t.tier_reached, t.progress_percent) IS DISTINCT FROM
                    (EXCLUDED.score, EXCLUDED.score_since, EXCLUDED.tier_reached, EXCLUDED.progress_percent)""",
                array(rows.stream().map(ProgressRow::programId).toList()),
                array(rows.stream().map(ProgressRow::memberId).toList()),
                array(rows.stream().map(ProgressRow::eligible).toList()),
                array(rows.stream().map(r -> r.evaluation().score()).toList()),
                array(rows.stream().map(ProgressRow::scoreSince).toList()),
                array(rows.stream().map(r -> (short) r.evaluation().tierReached()).toList()),
                array(rows.stream().map(r -> r.evaluation().progressPercent()).toList()),
                array(changes.stream().map(c -> c.before().eligible()).toList()),
                array(changes.stream().map(c -> c.before().evaluation().score()).toList()));
    }

    /** The published programs. */
    public List<UUID> published() {
        return sql.query("SELECT id FROM program WHERE status = 'PUBLISHED' ORDER BY id", row -> Sql.uuid(row, "id"));
    }

    /** A published program's floor, unlocked. */
    public Optional<BigDecimal> floor(UUID programId) {
        return sql.one("SELECT leaderboard_floor FROM program WHERE id = ? AND status = 'PUBLISHED'",
                row -> row.getBigDecimal(1), programId);
    }

    /**
     * A published program's floor, locked until the transaction ends: this waits for the engine's transactions that
     * count in the program, and holds off the next ones.
     */
    public Optional<BigDecimal> lockFloor(UUID programId) {
        return sql.one("SELECT leaderboard_floor FROM program WHERE id = ? AND status = 'PUBLISHED' FOR UPDATE",
                row -> row.getBigDecimal(1), programId);
    }

    /** Eligible members with a score of at least {@code floor} (the leaderboard's buckets). */
    public long atOrAbove(UUID programId, BigDecimal floor) {
        return sql.one("SELECT coalesce(sum(members), 0) FROM leaderboard_bucket WHERE program_id = ? AND score >= ?",
                row -> row.getLong(1), programId, floor).orElse(0L);
    }

    /** The highest score with at least {@code members} eligible members at or above it; 0 when there are fewer. */
    public BigDecimal floorFor(UUID programId, long members) {
        return sql.one("""
                SELECT score FROM (
                    SELECT score, sum(members) OVER (ORDER BY score DESC) AS above FROM leaderboard_bucket
                    WHERE program_id = ? AND members > 0) AS b
                WHERE above >= ? ORDER BY score DESC LIMIT 1""",
                row -> row.getBigDecimal(1), programId, members).orElse(BigDecimal.ZERO);
    }

    /**
     * Moves a program's floor (the caller holds it from {@link #lockFloor}): raising it removes the rows below,
     * lowering it lists the eligible rows between the two floors, read from {@code progress} (a scan of the
     * table, which has no index on the score).
     */
    public void moveFloor(UUID programId, BigDecimal from, BigDecimal to) {
        sql.update("UPDATE program SET leaderboard_floor = ? WHERE id = ?", to, programId);
        if (to.compareTo(from) > 0) {
            sql.update("DELETE FROM leaderboard_top WHERE program_id = ? AND score < ?", programId, to);
        } else {
            sql.update("""
                    INSERT INTO leaderboard_top (program_id, member_id, score, score_since, tier_reached,
                        progress_percent)
                    SELECT program_id, member_id, score, score_since, tier_reached, progress_percent FROM progress
                    WHERE program_id = ? AND eligible AND score >= ? AND score < ?
                    ON CONFLICT (program_id, member_id) DO NOTHING""", programId, to, from);
        }
    }
}
