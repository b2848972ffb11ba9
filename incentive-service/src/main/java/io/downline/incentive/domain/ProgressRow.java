package io.downline.incentive.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's stored progress in one program: their figures and the evaluation stored with them.
 *
 * @param scoreSince when the member reached their current score (the leaderboard's tie-break)
 */
public record ProgressRow(UUID programId, UUID memberId, Figures figures, boolean eligible, Evaluation evaluation,
        Instant scoreSince) {
}
