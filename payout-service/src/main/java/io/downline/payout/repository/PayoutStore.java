package io.downline.payout.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.domain.Payout;
import io.downline.payout.domain.PayoutStatus;
import io.downline.platform.jdbc.SqlArrays;

/**
 * The payout row on the workflow's write paths, in plain JDBC on the transaction's connection: each step locks
 * the row, lets {@link Payout} check and make the transition, and writes it back with one statement, without a
 * Hibernate load, dirty check or flush. Every transition holds the row lock, so the version only counts changes
 * for the readers (the queue and the bank files read payouts through {@link PayoutRepository}).
 */
@ApplicationScoped
public class PayoutStore {

    private static final String COLUMNS = """
            id, member_id, requester_subject, method_id, amount, currency, status, required_approvals, approvals,
            requested_at, decided_at, decided_by, decision_reason, payment_reference, settled_at, version""";
    private static final String LOCK = "SELECT " + COLUMNS + " FROM payout WHERE id = ? FOR UPDATE";
    private static final String LOCK_ALL = "SELECT " + COLUMNS + " FROM payout WHERE id = ANY (?) ORDER BY id FOR UPDATE";
    private static final String INSERT = """
            INSERT INTO payout (id, member_id, requester_subject, method_id, amount, currency, status,
                                required_approvals, approvals, requested_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";
    private static final String UPDATE = """
            UPDATE payout SET status = ?, approvals = ?, decided_at = ?, decided_by = ?, decision_reason = ?,
                              payment_reference = ?, settled_at = ?, version = version + 1
            WHERE id = ?""";

    private final AgroalDataSource dataSource;

    public PayoutStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The payout, its row locked until the transaction ends. */
    public Optional<Payout> lock(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(payout(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    /** The payouts that exist among {@code ids}, locked in id order (a batch never deadlocks with another batch). */
    public List<Payout> lockAll(List<UUID> ids) {
        List<Payout> locked = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOCK_ALL)) {
            SqlArrays.bind(statement, 1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    locked.add(payout(rs));
                }
            }
            return locked;
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    public void insert(Payout payout) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, payout.id);
            statement.setObject(2, payout.memberId);
            statement.setString(3, payout.requesterSubject);
            statement.setObject(4, payout.methodId);
            statement.setBigDecimal(5, payout.amount);
            statement.setString(6, payout.currency);
            statement.setString(7, payout.status.name());
            statement.setInt(8, payout.requiredApprovals);
            statement.setInt(9, payout.approvals);
            statement.setTimestamp(10, Timestamp.from(payout.requestedAt));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    /** Writes what a transition changed, for each payout (one round trip). */
    public void update(List<Payout> payouts) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            for (Payout payout : payouts) {
                statement.setString(1, payout.status.name());
                statement.setInt(2, payout.approvals);
                statement.setTimestamp(3, timestamp(payout.decidedAt));
                statement.setString(4, payout.decidedBy);
                statement.setString(5, payout.decisionReason);
                statement.setString(6, payout.paymentReference);
                statement.setTimestamp(7, timestamp(payout.settledAt));
                statement.setObject(8, payout.id);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    private static Payout payout(ResultSet rs) throws SQLException {
        Payout payout = Payout.request(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("requester_subject"), rs.getObject("method_id", UUID.class), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getInt("required_approvals"), instant(rs, "requested_at"));
        payout.status = PayoutStatus.valueOf(rs.getString("status"));
        payout.approvals = rs.getInt("approvals");
        payout.decidedAt = instant(rs, "decided_at");
        payout.decidedBy = rs.getString("decided_by");
        payout.decisionReason = rs.getString("decision_reason");
        payout.paymentReference = rs.getString("payment_reference");
        payout.settledAt = instant(rs, "settled_at");
        payout.version = rs.getLong("version");
        return payout;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
