package io.downline.payout.domain;

/** The payout state machine (see the README's diagram). REQUESTED and APPROVED are open; the rest are final. */
public enum PayoutStatus {
    REQUESTED, APPROVED, REJECTED, CANCELLED, PAID, FAILED;

    public boolean open() {
        return this == REQUESTED || this == APPROVED;
    }
}
