package io.downline.commission.domain;

import java.util.List;

import io.downline.platform.domain.BusinessRuleException;

/** A plan document that breaks its schema or the plan's rules; {@link #field()} names the first offending field. */
public class InvalidPlanException extends BusinessRuleException {

    private final List<PlanViolation> violations;

    public InvalidPlanException(List<PlanViolation> violations) {
        super("plan." + violations.get(0).field(), "The plan is not valid: " + violations.get(0).field() + ": "
                + violations.get(0).message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<PlanViolation> violations() {
        return violations;
    }
}
