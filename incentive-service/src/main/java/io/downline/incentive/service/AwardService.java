package io.downline.incentive.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.domain.Award;
import io.downline.incentive.domain.Candidate;
import io.downline.incentive.domain.FulfilmentStatus;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgramStatus;
import io.downline.incentive.domain.RewardType;
import io.downline.incentive.domain.Tier;
import io.downline.incentive.domain.WinnerCap;
import io.downline.incentive.repository.AwardStore;
import io.downline.incentive.repository.ProgramStore;
import io.downline.incentive.repository.QualificationStore;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;

/**
 * Awards a closed program once: the members holding a qualification at the close, capped by the program's
 * maximum number of winners under its rule, each get the reward of the highest tier they hold.
 */
@ApplicationScoped
public class AwardService {

    private final ProgramStore programs;
    private final QualificationStore qualifications;
    private final AwardStore awards;
    private final ProgramService programService;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final IncentiveConfig config;
    private final Clock clock;

    public AwardService(ProgramStore programs, QualificationStore qualifications, AwardStore awards,
            ProgramService programService, OutboxWriter outbox, AdminAudit audit, Caller caller, IncentiveConfig config,
            Clock clock) {
        this.programs = programs;
        this.qualifications = qualifications;
        this.awards = awards;
        this.programService = programService;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<Award> award(UUID programId) {
        Program program = programs.lock(programId).orElseThrow(() -> NotFoundException.of("Program", programId));
        if (program.status() != ProgramStatus.CLOSED) {
            throw new ConflictException("Program " + programId + " is " + program.status() + "; awards follow the close");
        }
        if (program.awardedAt() != null) {
            throw new ConflictException("Program " + programId + " was awarded at " + program.awardedAt());
        }
        Instant now = clock.instant();
        List<Candidate> winners = WinnerCap.winners(qualifications.candidates(programId), program.rules().maxWinners(),
                program.rules().winnerRule());
        if (winners.isEmpty()) {
            throw new BusinessRuleException("Nobody qualified for program " + programId + "; there is nothing to award");
        }
        List<Award> made = new ArrayList<>();
        for (Candidate winner : winners) {
            Tier tier = program.rules().tier(winner.tier());
            boolean cash = tier.reward().type() == RewardType.CASH;
            Award award = new Award(UUID.randomUUID(), programId, winner.memberId(), tier.level(), tier.reward().type(),
                    tier.reward().cash(), cash ? config.currency() : null, tier.reward().item(),
                    cash ? FulfilmentStatus.CREDITED : FulfilmentStatus.PENDING, caller.subject(), now, now);
            awards.insert(award);
            outbox.publish(EventType.INCENTIVE_AWARDED, winner.memberId(), new IncentiveAwarded(award.id(), programId,
                    winner.memberId(), program.name(), programService.reward(tier), caller.subject(), tier.name(), now));
            made.add(award);
        }
        programs.markAwarded(programId, program.version(), now);
        audit.record("incentive-program.award", "incentive-program", programId, ProgramSummary.of(program),
                ProgramSummary.of(programService.find(programId)));
        return made;
    }

    /** An item's fulfilment moves forward only: PENDING → SHIPPED → DELIVERED. */
    @Transactional
    public Award fulfil(UUID awardId, FulfilmentStatus next) {
        Award before = awards.lock(awardId).orElseThrow(() -> NotFoundException.of("Award", awardId));
        if (!before.fulfilment().canMoveTo(next)) {
            throw new ConflictException("Award " + awardId + " is " + before.fulfilment() + "; it cannot become " + next);
        }
        awards.updateFulfilment(awardId, next, clock.instant());
        Award after = awards.lock(awardId).orElseThrow();
        audit.record("incentive-award.fulfil", "incentive-award", awardId, before, after);
        return after;
    }

    @Transactional
    public Page<Award> list(UUID programId, int page, int size) {
        programService.find(programId);
        return new Page<>(awards.ofProgram(programId, page, size), page, size, awards.count(programId));
    }
}
