package io.downline.commission.domain;

/**
 * One reason a plan is refused.
 *
 * @param field where in the plan document, e.g. {@code levels[2].level} or {@code ranks[3].legs.rank}
 */
public record PlanViolation(String field, String message) {
}
