package io.downline.payout.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The approvals of each payout: one row per approver, so two approvals always come from two people. */
@ApplicationScoped
public class PayoutApprovalRepository {

    private final EntityManager entityManager;

    public PayoutApprovalRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** False when this approver had approved the payout before. */
    public boolean add(UUID payoutId, String approver, String requesterSubject, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO payout_approval (payout_id, approver, requester_subject, approved_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, payoutId)
                .setParameter(2, approver)
                .setParameter(3, requesterSubject)
                .setParameter(4, at)
                .executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    public List<String> approversOf(UUID payoutId) {
        return entityManager.createNativeQuery(
                "SELECT approver FROM payout_approval WHERE payout_id = ?1 ORDER BY approved_at, approver")
                .setParameter(1, payoutId)
                .getResultList();
    }
}
