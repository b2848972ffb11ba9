package io.downline.commission.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.domain.Plan;
import io.downline.commission.domain.PlanDocument;
import io.downline.commission.domain.PlanVersion;
import io.downline.commission.repository.PlanRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;

/** Plan versions: the one in force, drafts, activation from a date. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;
    private final Map<Integer, Plan> parsed = new ConcurrentHashMap<>();

    public PlanService(PlanRepository plans, AdminAudit audit, Caller caller, Clock clock) {
        this.plans = plans;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** The version in force at the instant, with its parsed plan (a version's document never changes once active). */
    public InForce inForceAt(Instant at) {
        int version = plans.versionInForceAt(at);
        return new InForce(version, plan(version));
    }

    public Plan plan(int version) {
        return parsed.computeIfAbsent(version, v -> get(v).plan());
    }

    public List<PlanVersion> list() {
        return plans.list();
    }

    public PlanVersion get(int version) {
        return plans.find(version).orElseThrow(() -> NotFoundException.of("Plan version", version));
    }

    /** Validates the document (its schema, then the plan's rules) and stores it as the next draft version. */
    @Transactional
    public PlanVersion createDraft(String document) {
        PlanDocument.parse(document);
        int version = plans.insertDraft(document, clock.instant(), caller.subject());
        PlanVersion created = get(version);
        audit.record("plan.create-draft", "plan-version", version, null, Map.of("version", version, "status", "DRAFT"));
        return created;
    }

    /** Activates a draft from an instant that is not in the past: sales processed from then on use it. */
    @Transactional
    public PlanVersion activate(int version, Instant from) {
        PlanVersion draft = plans.lock(version).orElseThrow(() -> NotFoundException.of("Plan version", version));
        if (!draft.draft()) {
            throw new ConflictException("Plan version " + version + " is already active (from " + draft.activeFrom() + ")");
        }
        if (from.isBefore(clock.instant())) {
            throw new BusinessRuleException("activeFrom", "A plan can only be activated from now or a later instant");
        }
        plans.activate(version, from);
        audit.record("plan.activate", "plan-version", version, Map.of("status", "DRAFT"),
                Map.of("status", "ACTIVE", "activeFrom", from.toString()));
        return get(version);
    }

    /** A plan version with its parsed rules. */
    public record InForce(int version, Plan plan) {
    }
}
