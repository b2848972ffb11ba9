package io.downline.kyc.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * draft → submitted → in review → approved | rejected | resubmission requested; resubmission requested →
 * submitted; approved → expired; any open status → closed (the member was terminated).
 */
public enum CaseStatus {
    DRAFT, SUBMITTED, IN_REVIEW, APPROVED, REJECTED, RESUBMISSION_REQUESTED, EXPIRED, CLOSED;

    /** Statuses in which a case still waits for the member or an officer. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, RESUBMISSION_REQUESTED);

    /** Statuses in which the member may upload documents and submit. */
    public boolean editableByMember() {
        return this == DRAFT || this == RESUBMISSION_REQUESTED;
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
