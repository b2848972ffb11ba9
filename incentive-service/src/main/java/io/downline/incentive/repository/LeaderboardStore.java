package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.uuid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.LeaderboardEntry;
import io.downline.incentive.domain.LeaderboardPage;
import io.downline.incentive.domain.ProgramStatus;

/**
 * Leaderboards from two small tables: the top N is a range of {@code leaderboard_top}'s order (score, then who got
 * there first); a member's position is one plus the sum of the score buckets above theirs, a range of at most one
 * row per distinct score, whatever the number of members.
 */
@ApplicationScoped
public class LeaderboardStore {

    private static final int TOP = 1;
    private static final int OWN = 2;
    /** The top's candidates: the listed rows ({@code leaderboard_top}), or every eligible row. */
    private static final String LISTED = "SELECT member_id, score, tier_reached, progress_percent, score_since"
            + " FROM leaderboard_top WHERE program_id = ?";
    private static final String ALL = "SELECT member_id, score, tier_reached, progress_percent, score_since"
            + " FROM progress WHERE program_id = ? AND eligible";

    /** A line of {@link #page}: 0 the program's status and the participants, 1 the top, 2 the reader's own. */
    private record Line(int part, String status, long participants, LeaderboardEntry entry) {
    }

    private final Sql sql;

    public LeaderboardStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * The program's status, the top N, the participants and the member's own line (when they are eligible), in one
     * statement: one round trip and one snapshot for the whole page. Positions in the top by rank() are exact, since
     * every higher score is among the rows before; the member's is one plus the buckets above their score.
     */
    public LeaderboardPage page(UUID programId, UUID memberId, int size) {
        LeaderboardPage page = page(LISTED, programId, memberId, size);
        if (page.top().size() < size && page.top().size() < page.participants()) {
            // Fewer members listed than asked for, though more take part: departures from the top took the listed
            // rows below the page's size before the floor was lowered again. Exact from the whole table meanwhile.
            return page(ALL, programId, memberId, size);
        }
        return page;
    }

    private LeaderboardPage page(String top, UUID programId, UUID memberId, int size) {
        List<Line> rows = sql.query("""
                SELECT 0 AS part, (SELECT status FROM program WHERE id = ?) AS status, NULL::bigint AS position,
                    NULL::uuid AS member_id, NULL::numeric AS score,
                    NULL::smallint AS tier_reached, NULL::numeric AS progress_percent, NULL::timestamptz AS score_since,
                    (SELECT coalesce(sum(members), 0) FROM leaderboard_bucket WHERE program_id = ?) AS participants
                UNION ALL
                SELECT 1, NULL, rank() OVER (ORDER BY score DESC), member_id, score, tier_reached, progress_percent,
                    score_since, NULL
                FROM (%s ORDER BY score DESC, score_since, member_id LIMIT ?) AS top
                UNION ALL
                SELECT 2, NULL, 1 + (SELECT coalesce(sum(b.members), 0) FROM leaderboard_bucket b
                               WHERE b.program_id = p.program_id AND b.score > p.score),
                    member_id, score, tier_reached, progress_percent, score_since, NULL
                FROM progress p WHERE p.program_id = ? AND p.member_id = ?::uuid AND p.eligible
                ORDER BY part, score DESC, score_since, member_id""".formatted(top),
                row -> new Line(row.getInt("part"), row.getString("status"), row.getLong("participants"),
                        row.getInt("part") == 0 ? null
                        : new LeaderboardEntry(row.getLong("position"), uuid(row, "member_id"),
                                row.getBigDecimal("score"), row.getShort("tier_reached"),
                                row.getBigDecimal("progress_percent"))),
                programId, programId, programId, size, programId, memberId);
        return new LeaderboardPage(Optional.ofNullable(rows.get(0).status()).map(ProgramStatus::valueOf),
                rows.get(0).participants(),
                rows.stream().filter(line -> line.part() == TOP).map(Line::entry).toList(),
                rows.stream().filter(line -> line.part() == OWN).map(Line::entry).findFirst());
    }

    public long position(UUID programId, BigDecimal score) {
        return 1 + sql.one("SELECT coalesce(sum(members), 0) FROM leaderboard_bucket WHERE program_id = ? AND score > ?",
                row -> row.getLong(1), programId, score).orElse(0L);
    }
}
