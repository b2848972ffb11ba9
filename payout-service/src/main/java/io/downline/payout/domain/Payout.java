package io.downline.payout.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.ConflictException;

/**
 * A payout request and its state machine: REQUESTED → (enough approvals) APPROVED → PAID | FAILED;
 * REQUESTED → REJECTED | CANCELLED. Every transition is checked here; the ledger postings of each step are
 * the service's business.
 */
@Entity
@Table(name = "payout")
public class Payout {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "requester_subject", nullable = false, updatable = false)
    public String requesterSubject;

    @Column(name = "method_id", nullable = false, updatable = false)
    public UUID methodId;

    @Column(nullable = false, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutStatus status;

    @Column(name = "required_approvals", nullable = false, updatable = false)
    public int requiredApprovals;

    @Column(nullable = false)
    public int approvals;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Version
    public long version;

    public static Payout request(UUID id, UUID memberId, String subject, UUID methodId, BigDecimal amount,
            String currency, int requiredApprovals, Instant now) {
        Payout payout = new Payout();
        payout.id = id;
        payout.memberId = memberId;
        payout.requesterSubject = subject;
        payout.methodId = methodId;
        payout.amount = amount;
        payout.currency = currency;
        payout.status = PayoutStatus.REQUESTED;
        payout.requiredApprovals = requiredApprovals;
        payout.requestedAt = now;
        return payout;
    }

    /**
     * One finance approval. The reviewer must not be the requester and must not have approved it before (the
     * caller checks that against the approvals table). Returns true when this approval completes it.
     */
    public boolean approve(String reviewer, Instant now) {
        requireReviewerIsNotRequester(reviewer);
        require(PayoutStatus.REQUESTED, "approved");
        approvals++;
        if (approvals == requiredApprovals) {
            status = PayoutStatus.APPROVED;
            decidedAt = now;
            decidedBy = reviewer;
            return true;
        }
        return false;
    }

    public void reject(String reviewer, String reason, Instant now) {
        requireReviewerIsNotRequester(reviewer);
        require(PayoutStatus.REQUESTED, "rejected");
        status = PayoutStatus.REJECTED;
        decidedAt = now;
        decidedBy = reviewer;
        decisionReason = reason;
    }

    public void cancel(Instant now) {
        require(PayoutStatus.REQUESTED, "cancelled");
        status = PayoutStatus.CANCELLED;
        decidedAt = now;
        decidedBy = requesterSubject;
    }

    public void markPaid(String reference, Instant now) {
        require(PayoutStatus.APPROVED, "marked paid");
        status = PayoutStatus.PAID;
        paymentReference = reference;
        settledAt = now;
    }

    public void markFailed(String reason, Instant now) {
        require(PayoutStatus.APPROVED, "marked failed");
        status = PayoutStatus.FAILED;
        decisionReason = reason;
        settledAt = now;
    }

    private void requireReviewerIsNotRequester(String reviewer) {
        if (requesterSubject.equals(reviewer)) {
            throw new AccessDeniedException("Nobody reviews their own payout request");
        }
    }

    private void require(PayoutStatus expected, String action) {
        if (status != expected) {
            throw new ConflictException("Payout " + id + " is " + status + "; only a " + expected + " payout can be "
                    + action);
        }
    }
}
