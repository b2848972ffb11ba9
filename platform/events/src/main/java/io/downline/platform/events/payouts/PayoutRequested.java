package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A member asked to be paid out; the amount is held at once. Type {@code payout.requested}, key {@code payoutId}.
 *
 * @param requiredApprovals how many different finance approvers it needs
 */
public record PayoutRequested(UUID payoutId, UUID memberId, Money amount, int requiredApprovals, Instant occurredAt)
        implements EventPayload {
}
