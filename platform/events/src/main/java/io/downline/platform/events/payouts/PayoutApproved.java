package io.downline.platform.events.payouts;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;

/**
 * A finance approver approved a payout; emitted once per approval. Type {@code payout.approved}, key
 * {@code payoutId}.
 *
 * @param reviewer OIDC subject of the approver
 * @param approvals approvals so far, this one included
 * @param requiredApprovals the payout is approved for payment once approvals reaches it
 */
public record PayoutApproved(UUID payoutId, UUID memberId, Money amount, String reviewer, int approvals,
        int requiredApprovals, Instant occurredAt) implements EventPayload {
}
