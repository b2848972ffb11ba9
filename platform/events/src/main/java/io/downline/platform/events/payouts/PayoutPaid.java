package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A payout was paid; the held funds are settled. Type {@code payout.paid}, key {@code payoutId}.
 *
 * @param paymentReference the bank's or payment provider's reference, when there is one; nullable
 */
public record PayoutPaid(UUID payoutId, UUID memberId, Money amount, String paymentReference, Instant occurredAt)
        implements EventPayload {
}
