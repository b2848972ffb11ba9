package io.downline.incentive.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.downline.incentive.domain.LeaderboardEntry;

/**
 * A program's leaderboard: the top N and, for a member, their own line.
 *
 * @param participants eligible members with progress
 */
public record Leaderboard(UUID programId, long participants, List<LeaderboardEntry> top, Optional<LeaderboardEntry> me) {
}
