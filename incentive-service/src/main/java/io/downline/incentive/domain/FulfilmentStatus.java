package io.downline.incentive.domain;

import java.util.Set;

/** Where an award stands: cash is credited through payout-service; an item goes PENDING → SHIPPED → DELIVERED. */
public enum FulfilmentStatus {
    CREDITED, PENDING, SHIPPED, DELIVERED;

    public boolean canMoveTo(FulfilmentStatus next) {
        return switch (this) {
            case PENDING -> Set.of(SHIPPED, DELIVERED).contains(next);
            case SHIPPED -> next == DELIVERED;
            case CREDITED, DELIVERED -> false;
        };
    }
}
