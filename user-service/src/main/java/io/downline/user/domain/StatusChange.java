package io.downline.user.domain;

import java.util.Locale;
import java.util.Set;

/** The admin status actions and which statuses each may start from. */
public enum StatusChange {
    ACTIVATE(Set.of(MemberStatus.PENDING), MemberStatus.ACTIVE),
    SUSPEND(Set.of(MemberStatus.PENDING, MemberStatus.ACTIVE), MemberStatus.SUSPENDED),
    REINSTATE(Set.of(MemberStatus.SUSPENDED), MemberStatus.ACTIVE),
    TERMINATE(Set.of(MemberStatus.PENDING, MemberStatus.ACTIVE, MemberStatus.SUSPENDED), MemberStatus.TERMINATED);

    private final Set<MemberStatus> from;
    private final MemberStatus to;

    StatusChange(Set<MemberStatus> from, MemberStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(MemberStatus status) {
        return from.contains(status);
    }

    /**
     * The status the change leads to; a reinstatement returns to the status the suspension interrupted (a member
     * suspended while pending was never activated and is pending again), ACTIVE when that is unknown.
     */
    public MemberStatus target(MemberStatus statusBeforeSuspension) {
        return this == REINSTATE && statusBeforeSuspension != null ? statusBeforeSuspension : to;
    }

    public String action() {
        return "member." + name().toLowerCase(Locale.ROOT);
    }
}
