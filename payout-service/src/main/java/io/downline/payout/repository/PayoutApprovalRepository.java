package io.downline.payout.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;

/**
 * The approvals of each payout: one row per approver, so two approvals always come from two people. The insert is
 * plain JDBC on the transaction's connection (no query translation, no flush of the session before it).
 */
@ApplicationScoped
public class PayoutApprovalRepository {

    private static final String ADD = """
            INSERT INTO payout_approval (payout_id, approver, requester_subject, approved_at)
            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public PayoutApprovalRepository(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** False when this approver had approved the payout before. */
    public boolean add(UUID payoutId, String approver, String requesterSubject, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ADD)) {
            statement.setObject(1, payoutId);
            statement.setString(2, approver);
            statement.setString(3, requesterSubject);
            statement.setTimestamp(4, Timestamp.from(at));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<String> approversOf(UUID payoutId) {
        return entityManager.createNativeQuery(
                "SELECT approver FROM payout_approval WHERE payout_id = ?1 ORDER BY approved_at, approver")
                .setParameter(1, payoutId)
                .getResultList();
    }
}
