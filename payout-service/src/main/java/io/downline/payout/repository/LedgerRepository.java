package io.downline.payout.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.domain.Account;
import io.downline.payout.domain.AccountKind;
import io.downline.payout.domain.Balances;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.StatementLine;
import io.downline.payout.domain.Transfer;
import io.downline.platform.jdbc.SqlArrays;

/**
 * The ledger's tables in plain JDBC: a posting is a handful of short statements on the hot path. The
 * connection is the transaction's own (Agroal enlists it in the running JTA transaction), so these statements
 * commit or roll back with everything else the use case does.
 */
@ApplicationScoped
public class LedgerRepository {

    private static final String LOCK = """
            SELECT available, pending, on_hold, clawback FROM wallet WHERE member_id = ? FOR UPDATE""";
    private static final String CREATE = """
            INSERT INTO wallet (member_id, currency, updated_at) VALUES (?, ?, ?) ON CONFLICT (member_id) DO NOTHING""";
    private static final String INSERT = """
            INSERT INTO transfer (id, cause_id, leg, reason, debit_kind, debit_member, credit_kind, credit_member,
                                  amount, currency, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE wallet SET available = ?, pending = ?, on_hold = ?, clawback = ?, updated_at = ? WHERE member_id = ?""";
    private static final String FIND = "SELECT available, pending, on_hold, clawback FROM wallet WHERE member_id = ?";
    private static final String STATEMENT = """
            SELECT id, cause_id, reason, debit_kind, credit_kind, amount, currency, created_at FROM transfer
            WHERE member_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?""";
    private static final String STATEMENT_COUNT = "SELECT count(*) FROM transfer WHERE member_id = ?";
    private static final String LOCK_ALL = """
            SELECT member_id, available, pending, on_hold, clawback FROM wallet WHERE member_id = ANY (?)
            ORDER BY member_id FOR UPDATE""";
    private static final String CREATE_ALL = """
            INSERT INTO wallet (member_id, currency, updated_at)
            SELECT id, ?, ? FROM unnest(?::uuid[]) AS missing (id) ORDER BY id ON CONFLICT (member_id) DO NOTHING""";
    private static final String APPLIED_ALL = "SELECT DISTINCT cause_id, reason FROM transfer WHERE cause_id = ANY (?)";
    private static final String INSERT_ALL = """
            INSERT INTO transfer (id, cause_id, leg, reason, debit_kind, debit_member, credit_kind, credit_member,
                                  amount, currency, created_at)
            SELECT id, cause_id, leg, reason, debit_kind, debit_member, credit_kind, credit_member, amount, ?, ?
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::uuid[],
                        ?::numeric[])
                 WITH ORDINALITY AS t (id, cause_id, leg, reason, debit_kind, debit_member, credit_kind, credit_member,
                                       amount, n)
            ORDER BY n""";
    private static final String UPDATE_ALL = """
            UPDATE wallet SET available = w.available, pending = w.pending, on_hold = w.on_hold,
                              clawback = w.clawback, updated_at = ?
            FROM unnest(?::uuid[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
                 AS w (member_id, available, pending, on_hold, clawback)
            WHERE wallet.member_id = w.member_id""";

    private final AgroalDataSource dataSource;

    public LedgerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The member's balances, their wallet row locked until the transaction ends (created when new). */
    public Balances lockWallet(UUID memberId, String currency, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Balances> locked = balances(connection, LOCK, memberId);
            if (locked.isPresent()) {
                return locked.get();
            }
            try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
                insert.setObject(1, memberId);
                insert.setString(2, currency);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.executeUpdate();
            }
            return balances(connection, LOCK, memberId).orElseThrow();
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    /**
     * The members' balances, their wallet rows locked until the transaction ends: the existing ones in member id
     * order (so two batches, or a batch and a single posting, never wait for each other in a cycle), then the new
     * ones, created empty.
     */
    public Map<UUID, Balances> lockWallets(Collection<UUID> memberIds, String currency, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, Balances> locked = lockAll(connection, memberIds);
            if (locked.size() < memberIds.size()) {
                List<UUID> missing = memberIds.stream().filter(id -> !locked.containsKey(id)).toList();
                try (PreparedStatement insert = connection.prepareStatement(CREATE_ALL)) {
                    insert.setString(1, currency);
                    insert.setTimestamp(2, Timestamp.from(now));
                    SqlArrays.bind(insert, 3, missing);
                    insert.executeUpdate();
                }
                locked.putAll(lockAll(connection, missing));
            }
            return locked;
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    /** The reasons posted for each of the causes (a cause without a posting is absent). */
    public Map<UUID, Set<LedgerReason>> appliedReasons(Collection<UUID> causeIds) {
        Map<UUID, Set<LedgerReason>> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(APPLIED_ALL)) {
            SqlArrays.bind(statement, 1, causeIds);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    applied.computeIfAbsent(rs.getObject(1, UUID.class), id -> EnumSet.noneOf(LedgerReason.class))
                            .add(LedgerReason.valueOf(rs.getString(2)));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    /** Writes the transfers in their order with one statement, and each wallet's new balances with one more. */
    public void postAll(List<Transfer> transfers, Map<UUID, Balances> wallets, String currency, Instant now) {
        if (transfers.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                insert.setString(1, currency);
                insert.setTimestamp(2, Timestamp.from(now));
                SqlArrays.bind(insert, 3, column(transfers, Transfer::id));
                SqlArrays.bind(insert, 4, column(transfers, Transfer::causeId));
                SqlArrays.bind(insert, 5, column(transfers, Transfer::leg));
                SqlArrays.bind(insert, 6, column(transfers, t -> t.reason().name()));
                SqlArrays.bind(insert, 7, column(transfers, t -> t.debit().kind().name()));
                SqlArrays.bind(insert, 8, column(transfers, t -> t.debit().memberId()));
                SqlArrays.bind(insert, 9, column(transfers, t -> t.credit().kind().name()));
                SqlArrays.bind(insert, 10, column(transfers, t -> t.credit().memberId()));
                SqlArrays.bind(insert, 11, column(transfers, Transfer::amount));
                insert.executeUpdate();
            }
            List<Map.Entry<UUID, Balances>> rows = List.copyOf(wallets.entrySet());
            try (PreparedStatement update = connection.prepareStatement(UPDATE_ALL)) {
                update.setTimestamp(1, Timestamp.from(now));
                SqlArrays.bind(update, 2, rows.stream().map(Map.Entry::getKey).toList());
                SqlArrays.bind(update, 3, amounts(rows, Balances::available));
                SqlArrays.bind(update, 4, amounts(rows, Balances::pending));
                SqlArrays.bind(update, 5, amounts(rows, Balances::onHold));
                SqlArrays.bind(update, 6, amounts(rows, Balances::clawback));
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    public Optional<Balances> find(UUID memberId) {
        try (Connection connection = dataSource.getConnection()) {
            return balances(connection, FIND, memberId);
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    /** Writes the transfers and the member's new balances. */
    public void post(UUID memberId, List<Transfer> transfers, Balances after, String currency, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Transfer transfer : transfers) {
                    insert.setObject(1, transfer.id());
                    insert.setObject(2, transfer.causeId());
                    insert.setString(3, transfer.leg());
                    insert.setString(4, transfer.reason().name());
                    insert.setString(5, transfer.debit().kind().name());
                    setMember(insert, 6, transfer.debit());
                    insert.setString(7, transfer.credit().kind().name());
                    setMember(insert, 8, transfer.credit());
                    insert.setBigDecimal(9, transfer.amount());
                    insert.setString(10, currency);
                    insert.setTimestamp(11, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setBigDecimal(1, after.available());
                update.setBigDecimal(2, after.pending());
                update.setBigDecimal(3, after.onHold());
                update.setBigDecimal(4, after.clawback());
                update.setTimestamp(5, Timestamp.from(now));
                update.setObject(6, memberId);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    /** The member's transfers, newest first. */
    public List<StatementLine> statement(UUID memberId, int page, int size) {
        List<StatementLine> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STATEMENT)) {
            statement.setObject(1, memberId);
            statement.setInt(2, size);
            statement.setLong(3, (long) page * size);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(new StatementLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            LedgerReason.valueOf(rs.getString(3)), AccountKind.valueOf(rs.getString(4)),
                            AccountKind.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    public long statementCount(UUID memberId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STATEMENT_COUNT)) {
            statement.setObject(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new LedgerStoreException(e);
        }
    }

    private static Map<UUID, Balances> lockAll(Connection connection, Collection<UUID> memberIds) throws SQLException {
        Map<UUID, Balances> locked = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCK_ALL)) {
            SqlArrays.bind(statement, 1, memberIds);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    locked.put(rs.getObject(1, UUID.class), new Balances(rs.getBigDecimal(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        return locked;
    }

    private static List<?> column(List<Transfer> transfers, Function<Transfer, ?> field) {
        return transfers.stream().map(field).toList();
    }

    private static List<BigDecimal> amounts(List<Map.Entry<UUID, Balances>> rows, Function<Balances, BigDecimal> field) {
        return rows.stream().map(row -> field.apply(row.getValue())).toList();
    }

    private static void setMember(PreparedStatement statement, int index, Account account) throws SQLException {
        if (account.memberId() == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, account.memberId());
        }
    }

    private static Optional<Balances> balances(Connection connection, String sql, UUID memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Balances(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)));
            }
        }
    }

    /** Unchecked, so that it rolls the transaction back and a consumer retries it as a transient failure. */
    public static class LedgerStoreException extends RuntimeException {
        LedgerStoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
