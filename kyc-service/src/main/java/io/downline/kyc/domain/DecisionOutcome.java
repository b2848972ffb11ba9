package io.downline.kyc.domain;

/** What a KYC officer decides about a case in review. */
public enum DecisionOutcome {
    APPROVE, REJECT, REQUEST_RESUBMISSION
}
