package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.payout.domain.Payout;
import io.downline.payout.domain.PayoutStatus;

/** A payout request and where it stands; {@code approvers} only on the single-payout read. */
public record PayoutView(UUID id, UUID memberId, UUID methodId, BigDecimal amount, String currency,
        PayoutStatus status, int approvals, int requiredApprovals, List<String> approvers, Instant requestedAt,
        Instant decidedAt, String decidedBy, String decisionReason, String paymentReference, Instant settledAt) {

    public static PayoutView of(Payout payout) {
        return of(payout, null);
    }

    public static PayoutView of(Payout payout, List<String> approvers) {
        return new PayoutView(payout.id, payout.memberId, payout.methodId, payout.amount, payout.currency,
                payout.status, payout.approvals, payout.requiredApprovals, approvers, payout.requestedAt,
                payout.decidedAt, payout.decidedBy, payout.decisionReason, payout.paymentReference, payout.settledAt);
    }
}
