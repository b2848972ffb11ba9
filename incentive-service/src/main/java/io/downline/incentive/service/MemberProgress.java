package io.downline.incentive.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.downline.incentive.domain.Award;
import io.downline.incentive.domain.Evaluation;
import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.Qualification;

/**
 * A member's progress in a program, against every criterion of every tier.
 *
 * @param position their leaderboard position; empty when they are not eligible
 */
public record MemberProgress(Program program, UUID memberId, boolean eligible, Figures figures, Evaluation evaluation,
        List<Qualification> qualifications, Optional<Long> position, Optional<Award> award) {
}
