package io.downline.incentive.domain;

/** DRAFT (rules may change) → PUBLISHED (the engine counts; rules frozen) → CLOSED (qualifications final). */
public enum ProgramStatus {
    DRAFT, PUBLISHED, CLOSED
}
