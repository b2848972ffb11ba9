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
import io.downline.payout.domain.KycCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID> {

    /** Plain SQL on the request's hot path: one indexed lookup, no entity loaded. */
    private static final String ALLOWS_PAYOUTS = """
            SELECT EXISTS (SELECT 1 FROM kyc_case WHERE member_id = ? AND status = 'APPROVED' AND level = 'FULL'
                                                    AND expires_at > ?)""";

    private final AgroalDataSource dataSource;

    public KycCaseRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the member has an approved FULL case that has not expired at {@code now}. */
    public boolean allowsPayouts(UUID memberId, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ALLOWS_PAYOUTS)) {
            statement.setObject(1, memberId);
            statement.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }
}
