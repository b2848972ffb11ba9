package io.downline.platform.members;

/** A member's status as user-service publishes it. */
public enum MemberStatus {
    PENDING, ACTIVE, SUSPENDED, TERMINATED;

    /** A restricted member may read their own profile and change nothing. */
    public boolean restricted() {
        return this == SUSPENDED || this == TERMINATED;
    }
}
