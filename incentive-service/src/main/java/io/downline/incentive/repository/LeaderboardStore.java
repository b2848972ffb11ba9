package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.uuid;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.LeaderboardEntry;

/**
 * Leaderboards from two indexes: the top N is a range of {@code progress_leaderboard_idx} (score, then who got
 * there first); a member's position is one plus the sum of the score buckets above theirs, a range of at most
 * one row per distinct score, whatever the number of members.
 */
@ApplicationScoped
public class LeaderboardStore {

    private final Sql sql;

    public LeaderboardStore(Sql sql) {
        this.sql = sql;
    }

    /** The top N; positions by rank() are exact, since every higher score is among the rows before. */
    public List<LeaderboardEntry> top(UUID programId, int size) {
        return sql.query("""
                SELECT rank() OVER (ORDER BY score DESC) AS position, member_id, score, tier_reached, progress_percent
                FROM (SELECT member_id, score, tier_reached, progress_percent, score_since FROM progress
                      WHERE program_id = ? AND eligible ORDER BY score DESC, score_since, member_id LIMIT ?) AS top
                ORDER BY score DESC, score_since, member_id""",
                row -> new LeaderboardEntry(row.getLong("position"), uuid(row, "member_id"), row.getBigDecimal("score"),
                        row.getShort("tier_reached"), row.getBigDecimal("progress_percent")), programId, size);
    }

    public long position(UUID programId, BigDecimal score) {
        return 1 + sql.one("SELECT coalesce(sum(members), 0) FROM leaderboard_bucket WHERE program_id = ? AND score > ?",
                row -> row.getLong(1), programId, score).orElse(0L);
    }

    public long participants(UUID programId) {
        return sql.one("SELECT coalesce(sum(members), 0) FROM leaderboard_bucket WHERE program_id = ?",
                row -> row.getLong(1), programId).orElse(0L);
    }
}
