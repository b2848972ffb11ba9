package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a leaderboard.
 *
 * @param position 1 + the number of eligible members with a higher score (equal scores share a position)
 */
public record LeaderboardEntry(long position, UUID memberId, BigDecimal score, int tierReached,
        BigDecimal progressPercent) {
}
