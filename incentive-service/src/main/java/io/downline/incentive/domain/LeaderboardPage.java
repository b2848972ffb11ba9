package io.downline.incentive.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a leaderboard read returns: the program's status (empty when there is no such program), eligible members with
 * progress, the top N, and the reader's own line when they take part.
 */
public record LeaderboardPage(Optional<ProgramStatus> status, long participants, List<LeaderboardEntry> top,
        Optional<LeaderboardEntry> me) {
}
