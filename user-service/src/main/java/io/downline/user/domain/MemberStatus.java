package io.downline.user.domain;

/** A member's account status. New members are PENDING until activated (by an admin or by their first sale). */
public enum MemberStatus {
    PENDING,
    ACTIVE,
    SUSPENDED,
    TERMINATED;

    /** Whether a sponsor in this status may recruit new members. */
    public boolean canSponsor() {
        return this == PENDING || this == ACTIVE;
    }
}
