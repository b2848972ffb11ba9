package io.downline.incentive.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgramDefinition;
import io.downline.incentive.domain.ProgramRules;
import io.downline.incentive.domain.ProgramStatus;
import io.downline.incentive.domain.RulesValidation;
import io.downline.incentive.domain.Tier;
import io.downline.incentive.repository.EngineFacts;
import io.downline.incentive.repository.ProgramStore;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.incentives.IncentiveCriterion;
import io.downline.platform.events.incentives.IncentiveEligibility;
import io.downline.platform.events.incentives.IncentiveProgramPublished;
import io.downline.platform.events.incentives.IncentiveReward;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.incentive.config.IncentiveConfig;

/** Admins write programs (drafts), publish and close them; everyone reads what they may see. */
@ApplicationScoped
public class ProgramService {

    private static final Set<ProgramStatus> VISIBLE_TO_MEMBERS = EnumSet.of(ProgramStatus.PUBLISHED, ProgramStatus.CLOSED);

    private final ProgramStore programs;
    private final EngineFacts facts;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final IncentiveConfig config;
    private final Clock clock;

    public ProgramService(ProgramStore programs, EngineFacts facts, OutboxWriter outbox, AdminAudit audit,
            Caller caller, IncentiveConfig config, Clock clock) {
        this.programs = programs;
        this.facts = facts;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Program create(ProgramDefinition definition) {
        ProgramRules rules = RulesValidation.check(definition);
        Program program = new Program(UUID.randomUUID(), definition.name(), definition.description(),
                ProgramStatus.DRAFT, rules, caller.subject(), clock.instant(), null, null, null, 0);
        programs.insert(program);
        audit.record("incentive-program.create", "incentive-program", program.id(), null, ProgramSummary.of(program));
        return program;
    }

    @Transactional
    public Program update(UUID id, ProgramDefinition definition) {
        Program before = programs.lock(id).orElseThrow(() -> NotFoundException.of("Program", id));
        if (before.status() != ProgramStatus.DRAFT) {
            throw new ConflictException("Program " + id + " is " + before.status() + ": a published program's rules do not change");
        }
        ProgramRules rules = RulesValidation.check(definition);
        programs.updateDraft(id, definition.name(), definition.description(), rules, before.version());
        Program after = find(id);
        audit.record("incentive-program.update", "incentive-program", id, ProgramSummary.of(before),
                ProgramSummary.of(after));
        return after;
    }

    /** Publishing freezes the rules and starts the engine counting; the window must not have ended. */
    @Transactional
    public Program publish(UUID id) {
        Program before = programs.lock(id).orElseThrow(() -> NotFoundException.of("Program", id));
        if (before.status() != ProgramStatus.DRAFT) {
            throw new ConflictException("Program " + id + " is already " + before.status());
        }
        Instant now = clock.instant();
        if (!now.isBefore(before.rules().window().endsAt())) {
            throw new BusinessRuleException("endDate", "The window ended on " + before.rules().window().endDate()
                    + "; a program is published before its window ends");
        }
        programs.publish(id, before.version(), now);
        Program after = find(id);
        outbox.publish(EventType.INCENTIVE_PROGRAM_PUBLISHED, id, published(after, now));
        audit.record("incentive-program.publish", "incentive-program", id, ProgramSummary.of(before),
                ProgramSummary.of(after));
        return after;
    }

    /**
     * Closing makes qualifications final. It waits for events being applied (they share-lock the program) and is
     * refused before the window has ended: late events of the window still count until the close.
     */
    @Transactional
    public Program close(UUID id) {
        Program before = programs.lock(id).orElseThrow(() -> NotFoundException.of("Program", id));
        if (before.status() != ProgramStatus.PUBLISHED) {
            throw new ConflictException("Program " + id + " is " + before.status() + "; only a published program closes");
        }
        Instant now = clock.instant();
        if (now.isBefore(before.rules().window().endsAt())) {
            throw new BusinessRuleException("The window runs until " + before.rules().window().endsAt()
                    + "; a program closes after its window has ended");
        }
        programs.close(id, before.version(), now);
        Program after = find(id);
        audit.record("incentive-program.close", "incentive-program", id, ProgramSummary.of(before),
                ProgramSummary.of(after));
        return after;
    }

    /** A program as the caller may see it: drafts are for staff only, and unknown to members. */
    @Transactional
    public Program get(UUID id) {
        Program program = programs.find(id).orElseThrow(() -> NotFoundException.of("Program", id));
        if (!caller.isStaff() && !VISIBLE_TO_MEMBERS.contains(program.status())) {
            throw NotFoundException.of("Program", id);
        }
        return program;
    }

    /**
     * Checks that the program exists and the caller may see it, as {@link #get} does, from its status as read by the
     * caller (empty: no such program).
     */
    public void requireVisible(UUID id, Optional<ProgramStatus> read) {
        ProgramStatus status = read.orElseThrow(() -> NotFoundException.of("Program", id));
        if (!caller.isStaff() && !VISIBLE_TO_MEMBERS.contains(status)) {
            throw NotFoundException.of("Program", id);
        }
    }

    /** Staff see every program; a member sees the published ones open to them (their eligibility). */
    @Transactional
    public Page<Program> list(ProgramStatus status, int page, int size) {
        if (caller.isStaff()) {
            Set<ProgramStatus> statuses = status == null ? EnumSet.allOf(ProgramStatus.class) : EnumSet.of(status);
            return new Page<>(programs.list(statuses, page, size), page, size, programs.count(statuses));
        }
        caller.requireGoodStanding();
        MemberStanding me = facts.standing(caller.requireMemberId())
                .orElseThrow(() -> new NotFoundException("You have no member profile; register first"));
        List<Program> open = programs.list(EnumSet.of(ProgramStatus.PUBLISHED), 0, 1000).stream()
                .filter(p -> p.rules().eligibility().admits(me, p.rules().window()))
                .toList();
        int from = Math.min(open.size(), page * size);
        return new Page<>(open.subList(from, Math.min(open.size(), from + size)), page, size, open.size());
    }

    Program find(UUID id) {
        return programs.find(id).orElseThrow(() -> NotFoundException.of("Program", id));
    }

    /** The event carries the first tier's criteria and reward (the entry tier), as its record has one of each. */
    private IncentiveProgramPublished published(Program program, Instant now) {
        ProgramRules rules = program.rules();
        Tier entry = rules.tier(1);
        return new IncentiveProgramPublished(program.id(), program.name(), program.description(),
                rules.window().startsAt(), rules.window().endsAt(),
                new IncentiveEligibility(rules.eligibility().minimumRank() == null ? null
                        : rules.eligibility().minimumRank().name(),
                        rules.eligibility().countries().stream().sorted().toList()),
                entry.criteria().stream().map(ProgramService::criterion).toList(), reward(entry), now);
    }

    private static IncentiveCriterion criterion(Criterion criterion) {
        return new IncentiveCriterion(criterion.metric().name(), criterion.target(),
                criterion.rank() == null ? null : criterion.rank().name());
    }

    IncentiveReward reward(Tier tier) {
        return tier.reward().cash() != null
                ? new IncentiveReward("CASH", new Money(tier.reward().cash(), config.currency()), null)
                : new IncentiveReward("ITEM", null, tier.reward().item());
    }
}
