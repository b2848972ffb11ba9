package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Candidate;
import io.downline.incentive.domain.Qualification;

/** Who met which tier of a program, when, and whether they lost it again before the close. */
@ApplicationScoped
public class QualificationStore {

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
