package io.downline.incentive.domain;

import java.time.Instant;

/**
 * A member's progress in a program evaluated again after their figures changed: the row as stored before, the row
 * after (its eligibility and evaluation recomputed from the frozen rules; the score's time moves only with the
 * score).
 */
public record Settled(ProgressRow before, ProgressRow after) {

    /**
     * Evaluates {@code figures} for the member of {@code before}: eligibility from the standing, the evaluation from
     * the rules.
     */
    public static Settled of(OpenProgram program, MemberStanding standing, ProgressRow before, Figures figures,
            Instant now) {
        boolean eligible = program.rules().eligibility().admits(standing, program.rules().window());
        Evaluation evaluation = program.rules().evaluate(figures);
        Instant scoreSince = evaluation.score().compareTo(before.evaluation().score()) == 0 ? before.scoreSince() : now;
        return new Settled(before, new ProgressRow(before.programId(), before.memberId(), figures, eligible, evaluation,
                scoreSince));
    }

    /** Whether eligibility or the evaluation changed (figures alone do not move the leaderboard). */
    public boolean moved() {
        return before.eligible() != after.eligible() || !before.evaluation().equals(after.evaluation());
    }

    /** Tiers held before: the tier reached while eligible. */
    public int heldBefore() {
        return held(before);
    }

    public int heldAfter() {
        return held(after);
    }

    private static int held(ProgressRow row) {
        return row.eligible() ? row.evaluation().tierReached() : 0;
    }
}
