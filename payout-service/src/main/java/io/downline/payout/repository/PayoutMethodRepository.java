package io.downline.payout.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.domain.PayoutMethod;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PayoutMethodRepository implements PanacheRepositoryBase<PayoutMethod, UUID> {

    private static final String OWNS = "SELECT EXISTS (SELECT 1 FROM payout_method WHERE id = ? AND member_id = ?)";

    private final AgroalDataSource dataSource;

    public PayoutMethodRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<PayoutMethod> ofMember(UUID memberId) {
        return list("memberId = ?1 order by createdAt", memberId);
    }

    /** Whether the method exists and is the member's; on the request's hot path, so no entity is loaded. */
    public boolean owns(UUID memberId, UUID methodId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OWNS)) {
            statement.setObject(1, methodId);
            statement.setObject(2, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }
}
