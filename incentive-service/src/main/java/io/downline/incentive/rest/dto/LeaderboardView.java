package io.downline.incentive.rest.dto;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.downline.incentive.domain.LeaderboardEntry;
import io.downline.incentive.service.Leaderboard;

/**
 * The top N of a program and the caller's own line (null when the caller does not take part).
 *
 * @param participants eligible members with progress
 */
public record LeaderboardView(UUID programId, long participants, List<EntryView> top, EntryView me) {

    /** @param position equal scores share a position */
    public record EntryView(long position, UUID memberId, BigDecimal score, int tierReached, BigDecimal progressPercent) {

        static EntryView of(LeaderboardEntry entry) {
            return new EntryView(entry.position(), entry.memberId(), entry.score(), entry.tierReached(),
                    entry.progressPercent());
        }
    }

    public static LeaderboardView of(Leaderboard board) {
        return new LeaderboardView(board.programId(), board.participants(),
                board.top().stream().map(EntryView::of).toList(), board.me().map(EntryView::of).orElse(null));
    }
}
