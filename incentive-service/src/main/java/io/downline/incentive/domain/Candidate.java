package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member who holds a qualification when the program closes.
 *
 * @param tier        the highest tier they hold
 * @param qualifiedAt when they reached that tier
 * @param score       their final leaderboard score
 * @param scoreSince  when they reached that score
 */
public record Candidate(UUID memberId, int tier, Instant qualifiedAt, BigDecimal score, Instant scoreSince) {
}
