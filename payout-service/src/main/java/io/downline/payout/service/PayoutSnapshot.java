package io.downline.payout.service;

import java.math.BigDecimal;
import java.util.UUID;

import io.downline.payout.domain.Payout;
import io.downline.payout.domain.PayoutStatus;

/** A payout's state as an audit record shows it (before and after a change). */
public record PayoutSnapshot(UUID id, UUID memberId, BigDecimal amount, String currency, PayoutStatus status,
        int approvals, int requiredApprovals, String decisionReason, String paymentReference) {

    public static PayoutSnapshot of(Payout payout) {
        return new PayoutSnapshot(payout.id, payout.memberId, payout.amount, payout.currency, payout.status,
                payout.approvals, payout.requiredApprovals, payout.decisionReason, payout.paymentReference);
    }
}
