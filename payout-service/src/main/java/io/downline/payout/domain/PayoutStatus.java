package io.downline.payout.domain;

import java.util.List;

/** The payout state machine (see the README's diagram). REQUESTED and APPROVED are open; the rest are final. */
public enum PayoutStatus {
    REQUESTED, APPROVED, REJECTED, CANCELLED, PAID, FAILED;

    /** The statuses of an open request; a member has at most one (a partial unique index holds it too). */
    public static final List<PayoutStatus> OPEN = List.of(REQUESTED, APPROVED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
