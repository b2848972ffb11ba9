package io.downline.payout.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.domain.AccountKind;
import io.downline.payout.domain.InvariantReport;
import io.downline.payout.domain.InvariantReport.Breach;

/** Re-derives every account's balance from the transfers and compares it with the rules and the wallet rows. */
@ApplicationScoped
public class InvariantRepository {

    /** Balance of every account that has a transfer: credits minus debits. */
    private static final String DERIVED = """
            WITH legs AS (
                SELECT credit_kind AS kind, credit_member AS member_id, amount FROM transfer
                UNION ALL
                SELECT debit_kind, debit_member, -amount FROM transfer)
            SELECT kind, member_id, sum(amount) FROM legs GROUP BY kind, member_id""";
    /** Wallet columns against the derived balances, for every member with a wallet or a transfer. */
    private static final String MISMATCHES = """
            WITH legs AS (
                SELECT credit_kind AS kind, credit_member AS member_id, amount FROM transfer
                WHERE credit_member IS NOT NULL
                UNION ALL
                SELECT debit_kind, debit_member, -amount FROM transfer WHERE debit_member IS NOT NULL),
            derived AS (
                SELECT member_id,
                       coalesce(sum(amount) FILTER (WHERE kind = 'AVAILABLE'), 0) AS available,
                       coalesce(sum(amount) FILTER (WHERE kind = 'PENDING'), 0) AS pending,
                       coalesce(sum(amount) FILTER (WHERE kind = 'ON_HOLD'), 0) AS on_hold,
                       coalesce(sum(amount) FILTER (WHERE kind = 'CLAWBACK'), 0) AS clawback
                FROM legs GROUP BY member_id),
            joined AS (
                SELECT coalesce(w.member_id, d.member_id) AS member_id,
                       coalesce(d.available, 0) AS d_available, w.available,
                       coalesce(d.pending, 0) AS d_pending, w.pending,
                       coalesce(d.on_hold, 0) AS d_on_hold, w.on_hold,
                       coalesce(d.clawback, 0) AS d_clawback, w.clawback
                FROM wallet w FULL JOIN derived d ON d.member_id = w.member_id)
            SELECT member_id, d_available, available, d_pending, pending, d_on_hold, on_hold, d_clawback, clawback
            FROM joined
            WHERE available IS DISTINCT FROM d_available OR pending IS DISTINCT FROM d_pending
               OR on_hold IS DISTINCT FROM d_on_hold OR clawback IS DISTINCT FROM d_clawback""";
    private static final String NEGATIVE_AVAILABLE = "SELECT member_id, available FROM wallet WHERE available < 0";

    private final AgroalDataSource dataSource;

    public InvariantRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the check in one REPEATABLE READ snapshot, so that postings running meanwhile cannot skew it. */
    public InvariantReport check(Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return check(connection, now);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    private static InvariantReport check(Connection connection, Instant now) throws SQLException {
        List<Breach> breaches = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        long accounts = 0;
        try (PreparedStatement statement = connection.prepareStatement(DERIVED);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                accounts++;
                AccountKind kind = AccountKind.valueOf(rs.getString(1));
                UUID member = rs.getObject(2, UUID.class);
                BigDecimal balance = rs.getBigDecimal(3);
                sum = sum.add(balance);
                if (kind == AccountKind.AVAILABLE && balance.signum() < 0) {
                    breaches.add(new Breach("AVAILABLE_NOT_NEGATIVE", member, kind, BigDecimal.ZERO.setScale(2), balance));
                }
            }
        }
        if (sum.signum() != 0) {
            breaches.add(new Breach("SUM_IS_ZERO", null, null, BigDecimal.ZERO.setScale(2), sum));
        }
        try (PreparedStatement statement = connection.prepareStatement(NEGATIVE_AVAILABLE);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                breaches.add(new Breach("AVAILABLE_NOT_NEGATIVE", rs.getObject(1, UUID.class), AccountKind.AVAILABLE,
                        BigDecimal.ZERO.setScale(2), rs.getBigDecimal(2)));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(MISMATCHES);
                ResultSet rs = statement.executeQuery()) {
            AccountKind[] kinds = { AccountKind.AVAILABLE, AccountKind.PENDING, AccountKind.ON_HOLD, AccountKind.CLAWBACK };
            while (rs.next()) {
                UUID member = rs.getObject(1, UUID.class);
                for (int i = 0; i < kinds.length; i++) {
                    BigDecimal expected = rs.getBigDecimal(2 + 2 * i);
                    BigDecimal actual = rs.getBigDecimal(3 + 2 * i);
                    if (actual == null || expected.compareTo(actual) != 0) {
                        breaches.add(new Breach("BALANCE_MATCHES_ENTRIES", member, kinds[i], expected, actual));
                    }
                }
            }
        }
        long transfers;
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM transfer");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            transfers = rs.getLong(1);
        }
        return new InvariantReport(now, transfers, accounts, sum, breaches);
    }
}
