package io.downline.commission.domain;

import java.time.Instant;

/**
 * A stored version of the plan.
 *
 * @param status      DRAFT or ACTIVE
 * @param activeFrom  null for a draft
 */
public record PlanVersion(int version, String document, String status, Instant activeFrom, Instant createdAt,
        String createdBy) {

    public Plan plan() {
        return PlanDocument.parse(document);
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }
}
