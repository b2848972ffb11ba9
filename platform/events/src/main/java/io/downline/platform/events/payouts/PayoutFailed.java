package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A payout could not be paid; the hold is released. Type {@code payout.failed}, key {@code payoutId}.
 */
public record PayoutFailed(UUID payoutId, UUID memberId, Money amount, String reason, Instant occurredAt)
        implements EventPayload {
}
