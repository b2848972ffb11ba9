package io.downline.incentive.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a leaderboard read returns: eligible members with progress, the top N, and the reader's own line when they
 * take part.
 */
public record LeaderboardPage(long participants, List<LeaderboardEntry> top, Optional<LeaderboardEntry> me) {
}
