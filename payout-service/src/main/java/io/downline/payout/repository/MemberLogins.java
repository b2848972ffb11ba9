package io.downline.payout.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.members.MemberStatus;
import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;

/**
 * The member a token's subject logs in as, read from the platform's member projection (open to the service's own
 * reads) in one plain JDBC statement. Every change a member makes asks it once, so it replaces the platform's
 * default directory, whose Hibernate native query cost several times as much CPU as the lookup itself.
 */
@ApplicationScoped
public class MemberLogins implements MemberDirectory {

    private static final String BY_SUBJECT = "SELECT member_id, status FROM member_projection WHERE oidc_subject = ?";

    private final AgroalDataSource dataSource;

    public MemberLogins(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<MemberIdentity> find(String oidcSubject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_SUBJECT)) {
            statement.setString(1, oidcSubject);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MemberIdentity(rs.getObject(1, UUID.class),
                        MemberStatus.valueOf(rs.getString(2)).restricted()));
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }
}
