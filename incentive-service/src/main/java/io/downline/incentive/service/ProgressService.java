package io.downline.incentive.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.domain.Evaluation;
import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.LeaderboardPage;
import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.repository.AwardStore;
import io.downline.incentive.repository.EngineFacts;
import io.downline.incentive.repository.LeaderboardStore;
import io.downline.incentive.repository.ProgressStore;
import io.downline.incentive.repository.QualificationStore;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/** Progress and leaderboards, as the caller may see them. */
@ApplicationScoped
public class ProgressService {

    private final ProgramService programs;
    private final ProgressStore progress;
    private final QualificationStore qualifications;
    private final AwardStore awards;
    private final LeaderboardStore leaderboards;
    private final EngineFacts facts;
    private final Caller caller;
    private final IncentiveConfig config;

    public ProgressService(ProgramService programs, ProgressStore progress, QualificationStore qualifications,
            AwardStore awards, LeaderboardStore leaderboards, EngineFacts facts, Caller caller, IncentiveConfig config) {
        this.programs = programs;
        this.progress = progress;
        this.qualifications = qualifications;
        this.awards = awards;
        this.leaderboards = leaderboards;
        this.facts = facts;
        this.caller = caller;
        this.config = config;
    }

    /** The caller's own progress. */
    @Transactional
    public MemberProgress mine(UUID programId) {
        caller.requireGoodStanding();
        return of(programId, caller.requireMemberId());
    }

    /** A member's progress: staff, or the member themselves. Access is decided before the program is looked up. */
    @Transactional
    public MemberProgress of(UUID programId, UUID memberId) {
        caller.requireSelfOrRole(memberId, Roles.ADMIN, Roles.AUDITOR);
        Program program = programs.get(programId);
        MemberStanding standing = facts.standing(memberId).orElseThrow(() -> NotFoundException.of("Member", memberId));
        Optional<ProgressRow> row = progress.find(programId, memberId);
        Figures figures = row.map(ProgressRow::figures).orElse(Figures.NONE);
        Evaluation evaluation = row.map(ProgressRow::evaluation).orElseGet(() -> program.rules().evaluate(figures));
        boolean eligible = row.map(ProgressRow::eligible)
                .orElseGet(() -> program.rules().eligibility().admits(standing, program.rules().window()));
        Optional<Long> position = row.filter(ProgressRow::eligible)
                .map(r -> leaderboards.position(programId, r.evaluation().score()));
        return new MemberProgress(program, memberId, eligible, figures, evaluation,
                qualifications.ofMember(programId, memberId), position, awards.ofMember(programId, memberId));
    }

    /** The top N of a program and, when the caller is a member who takes part, their own line. */
    @Transactional
    public Leaderboard leaderboard(UUID programId, int size) {
        if (size > config.leaderboard().maxSize()) {
            throw new BusinessRuleException("size", "A leaderboard shows at most " + config.leaderboard().maxSize()
                    + " members");
        }
        if (!caller.isStaff()) {
            caller.requireGoodStanding();
        }
        LeaderboardPage page = leaderboards.page(programId, caller.memberId().orElse(null), size);
        programs.requireVisible(programId, page.status());
        return new Leaderboard(programId, page.participants(), page.top(), page.me());
    }
}
