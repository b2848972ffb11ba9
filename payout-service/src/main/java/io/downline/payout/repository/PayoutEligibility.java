package io.downline.payout.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The two preconditions of a payout request that need no lock, read in one round trip: whether the payout method is
 * the member's, and whether the member has an approved FULL KYC case that has not expired.
 */
@ApplicationScoped
public class PayoutEligibility {

    private static final String CHECK = """
            SELECT EXISTS (SELECT 1 FROM payout_method WHERE id = ? AND member_id = ?),
                   EXISTS (SELECT 1 FROM kyc_case WHERE member_id = ? AND status = 'APPROVED' AND level = 'FULL'
                                                   AND expires_at > ?)""";

    /** What the member may use for a request. */
    public record Eligibility(boolean ownsMethod, boolean fullKyc) {
    }

    private final AgroalDataSource dataSource;

    public PayoutEligibility(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Eligibility of(UUID memberId, UUID methodId, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CHECK)) {
            statement.setObject(1, methodId);
            statement.setObject(2, memberId);
            statement.setObject(3, memberId);
            statement.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Eligibility(rs.getBoolean(1), rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }
}
