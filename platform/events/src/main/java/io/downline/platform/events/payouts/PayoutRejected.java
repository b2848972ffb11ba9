package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * Finance rejected a payout; the hold is released. Type {@code payout.rejected}, key {@code payoutId}.
 *
 * @param reviewer OIDC subject of the finance reviewer
 */
public record PayoutRejected(UUID payoutId, UUID memberId, Money amount, String reviewer, String reason,
        Instant occurredAt) implements EventPayload {
}
