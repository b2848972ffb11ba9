package io.downline.audit;

import static io.downline.audit.AuditEvents.awaitEntry;
import static io.downline.audit.AuditEvents.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.audit.service.Checkpoints;
import io.downline.platform.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The log is append-only in the database: the service's role cannot change it, and a trigger stops even the owner. */
@QuarkusTest
@WithTestResource(AuditTestResource.class)
class ImmutabilityTest {

    @Inject
    DataSource dataSource;

    @Inject
    Checkpoints checkpoints;

    long seq;

    @BeforeEach
    void anEntryAndACheckpoint() {
        seq = awaitEntry(send(Topics.PAYOUTS, "payout.requested", "payout-service", "p-1", "{\"amount\":\"75.00\"}"));
        checkpoints.take();
    }

    @Test
    void theServiceRunsAsTheRestrictedRole() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(AuditEvents.serviceRole().getMetaData().getUserName());
            assertThat(rs.getString(1)).isNotEqualTo(AuditEvents.owner().getMetaData().getUserName());
        }
    }

    @Test
    void theServiceRoleMayNotUpdateDeleteOrTruncate() throws SQLException {
        String[] statements = { "UPDATE audit_entry SET payload = '{}' WHERE seq = " + seq,
                "DELETE FROM audit_entry WHERE seq = " + seq, "TRUNCATE audit_entry",
                "UPDATE audit_checkpoint SET signature = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint" };
        for (String sql : statements) {
            try (Connection c = AuditEvents.serviceRole(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo("42501"));
            }
        }
    }

    @Test
    void theServiceRoleMayInsertAndSelect() throws SQLException {
        try (Connection c = AuditEvents.serviceRole()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO audit_entry (seq, event_id, type, source, occurred_at, recorded_at, payload, "
                        + "prev_hash, hash) SELECT seq + 1, gen_random_uuid(), 't', 's', now(), now(), '{}', hash, sha256(hash) "
                        + "FROM audit_entry ORDER BY seq DESC LIMIT 1");
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_entry");
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * The platform's tables are working state the service's role reads and writes, the outbox's log and view included,
     * and so is a table a later platform migration adds: on a database already past V1, Flyway applies it out of order
     * after V1's grants, and only V1's default privileges give the role its rights on it.
     */
    @Test
    void theServiceRoleWorksThePlatformTablesAndThoseALaterMigrationAdds() throws SQLException {
        try (Connection owner = AuditEvents.owner(); Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE later_platform_table (id BIGINT PRIMARY KEY)");
        }
        try (Connection c = AuditEvents.serviceRole()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO later_platform_table VALUES (1)");
                assertThat(s.executeUpdate("DELETE FROM later_platform_table WHERE id = 1")).isEqualTo(1);
                s.executeUpdate("INSERT INTO outbox_sent (id, event_id, topic, aggregate_id, type, payload, created_at, "
                        + "sent_at, attempts) VALUES (-1, gen_random_uuid(), 't', 'a', 'x', '{}', now(), now(), 1)");
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_log WHERE id = -1");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(s.executeUpdate("DELETE FROM outbox_sent WHERE id = -1")).isEqualTo(1);
            } finally {
                c.rollback();
            }
        } finally {
            try (Connection owner = AuditEvents.owner(); Statement s = owner.createStatement()) {
                s.execute("DROP TABLE later_platform_table");
            }
        }
    }

    @Test
    void theTriggerRefusesUpdateDeleteAndTruncateEvenToTheOwner() throws SQLException {
        String[] statements = { "UPDATE audit_entry SET payload = '{}' WHERE seq = " + seq,
                "DELETE FROM audit_entry WHERE seq = " + seq, "TRUNCATE audit_entry",
                "UPDATE audit_entry SET payload = '{}' WHERE false",
                "UPDATE audit_checkpoint SET signature = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint" };
        for (String sql : statements) {
            try (Connection c = AuditEvents.owner(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("the audit log is append-only");
            }
        }
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_entry WHERE seq = " + seq)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}
