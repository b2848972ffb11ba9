package io.downline.platform.members;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.quarkus.arc.DefaultBean;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The member a subject logs in as, from the member projection. Present only when the projection is enabled,
 * and a default bean: a service's own {@link MemberDirectory} wins over it. Every change a member makes asks it
 * once, so it is one plain JDBC statement (through Hibernate's native query the lookup cost several times the
 * statement itself).
 */
@ApplicationScoped
@DefaultBean
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class ProjectedMemberDirectory implements MemberDirectory {

    private static final String BY_SUBJECT = "SELECT member_id, status FROM member_projection WHERE oidc_subject = ?";

    private final AgroalDataSource dataSource;

    public ProjectedMemberDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<MemberIdentity> find(String oidcSubject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_SUBJECT)) {
            statement.setString(1, oidcSubject);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next()
                        ? Optional.of(new MemberIdentity(rs.getObject(1, UUID.class),
                                MemberStatus.valueOf(rs.getString(2)).restricted()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the member projection", e);
        }
    }
}
