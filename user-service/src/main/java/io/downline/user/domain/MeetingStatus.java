package io.downline.user.domain;

/** A meeting is scheduled until it is cancelled; whether it has started or ended follows from its times. */
public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
