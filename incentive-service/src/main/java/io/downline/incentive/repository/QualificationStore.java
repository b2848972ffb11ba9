package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;
import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Candidate;
import io.downline.incentive.domain.Qualification;
import io.downline.incentive.domain.QualificationKey;

/** Who met which tier of a program, when, and whether they lost it again before the close. */
@ApplicationScoped
public class QualificationStore {

    /** The order in which rows are locked: program, member, level. */
    public static final Comparator<QualificationKey> ORDER = Comparator.comparing(QualificationKey::programId)
            .thenComparing(QualificationKey::memberId).thenComparingInt(QualificationKey::level);

    private final Sql sql;

    public QualificationStore(Sql sql) {
        this.sql = sql;
    }

    /** Qualifies the member for the levels; returns those they did not hold (new, or lost before). */
    public List<Integer> qualify(UUID programId, UUID memberId, int fromLevel, int toLevel, Instant at) {
        return sql.query("""
                INSERT INTO qualification (program_id, member_id, level, qualified_at)
                SELECT ?, ?, l, ? FROM generate_series(?, ?) AS l
                ON CONFLICT (program_id, member_id, level) DO UPDATE SET qualified_at = EXCLUDED.qualified_at,
                    lost_at = NULL
                WHERE qualification.lost_at IS NOT NULL
                RETURNING level""", row -> (int) row.getShort("level"), programId, memberId, at, fromLevel, toLevel);
    }

    /** The member loses the levels above {@code keptLevel}. */
    public void lose(UUID programId, UUID memberId, int keptLevel, Instant at) {
        sql.update("UPDATE qualification SET lost_at = ? WHERE program_id = ? AND member_id = ? AND level > ?"
                + " AND lost_at IS NULL", at, programId, memberId, keptLevel);
    }

    /**
     * Qualifies members for levels (one row per program, member and level, in {@link #ORDER}); returns the keys of
     * the levels they did not hold (new, or lost before). {@code again}: the levels were just lost in the same
     * transaction, so each is qualified anew (time included) whatever the row says.
     */
    public Set<QualificationKey> qualifyAll(List<QualificationKey> levels, boolean again, Instant at) {
        return new HashSet<>(sql.query("""
                INSERT INTO qualification (program_id, member_id, level, qualified_at)
                SELECT l.program_id, l.member_id, l.level, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::smallint[]) AS l (program_id, member_id, level)
                ORDER BY l.program_id, l.member_id, l.level
                ON CONFLICT (program_id, member_id, level) DO UPDATE SET qualified_at = EXCLUDED.qualified_at,
                    lost_at = NULL
                WHERE qualification.lost_at IS NOT NULL OR ?::boolean
                RETURNING program_id, member_id, level""",
                row -> new QualificationKey(uuid(row, "program_id"), uuid(row, "member_id"), row.getShort("level")),
                at, array(levels.stream().map(QualificationKey::programId).toList()),
                array(levels.stream().map(QualificationKey::memberId).toList()),
                array(levels.stream().map(l -> (short) l.level()).toList()), again));
    }

    /** Each member loses the levels of the program above the level kept (a key per program and member). */
    public void loseAll(List<QualificationKey> kept, Instant at) {
        sql.update("""
                UPDATE qualification q SET lost_at = ?
                FROM unnest(?::uuid[], ?::uuid[], ?::smallint[]) AS k (program_id, member_id, level)
                WHERE q.program_id = k.program_id AND q.member_id = k.member_id AND q.level > k.level
                    AND q.lost_at IS NULL""",
                at, array(kept.stream().map(QualificationKey::programId).toList()),
                array(kept.stream().map(QualificationKey::memberId).toList()),
                array(kept.stream().map(l -> (short) l.level()).toList()));
    }

    /** Each member's highest held tier, with when they reached it and their final score. */
    public List<Candidate> candidates(UUID programId) {
        return sql.query("""
                SELECT DISTINCT ON (q.member_id) q.member_id, q.level, q.qualified_at, p.score, p.score_since
                FROM qualification q JOIN progress p ON p.program_id = q.program_id AND p.member_id = q.member_id
                WHERE q.program_id = ? AND q.lost_at IS NULL AND p.eligible
                ORDER BY q.member_id, q.level DESC""",
                row -> new Candidate(uuid(row, "member_id"), row.getShort("level"), instant(row, "qualified_at"),
                        row.getBigDecimal("score"), instant(row, "score_since")), programId);
    }

    public List<Qualification> list(UUID programId, int page, int size) {
        return sql.query("""
                SELECT member_id, level, qualified_at, lost_at FROM qualification WHERE program_id = ?
                ORDER BY qualified_at, member_id, level LIMIT ? OFFSET ?""",
                row -> new Qualification(uuid(row, "member_id"), row.getShort("level"), instant(row, "qualified_at"),
                        instant(row, "lost_at")), programId, size, (long) page * size);
    }

    public long count(UUID programId) {
        return sql.one("SELECT count(*) FROM qualification WHERE program_id = ?", row -> row.getLong(1), programId)
                .orElse(0L);
    }

    public List<Qualification> ofMember(UUID programId, UUID memberId) {
        return sql.query("SELECT member_id, level, qualified_at, lost_at FROM qualification WHERE program_id = ?"
                + " AND member_id = ? ORDER BY level",
                row -> new Qualification(uuid(row, "member_id"), row.getShort("level"), instant(row, "qualified_at"),
                        instant(row, "lost_at")), programId, memberId);
    }
}
