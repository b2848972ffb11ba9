package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where a member stands in a program.
 *
 * @param tierReached     the highest tier whose criteria hold (0: none)
 * @param criteriaMet     criteria of the target tier that hold
 * @param criteriaTotal   criteria of the target tier (the next tier, or the top tier once reached)
 * @param progressPercent 0 to 100 towards the target tier, two decimals, half-even
 * @param score           the leaderboard's order: 100 per tier reached plus the percent towards the next one
 */
public record Evaluation(int tierReached, int criteriaMet, int criteriaTotal, BigDecimal progressPercent,
        BigDecimal score) {

    public Evaluation {
        progressPercent = progressPercent.setScale(2, RoundingMode.HALF_EVEN);
        score = score.setScale(2, RoundingMode.HALF_EVEN);
    }
}
