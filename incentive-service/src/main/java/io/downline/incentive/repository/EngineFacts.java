package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.Rank;
import io.downline.incentive.domain.Sale;

/**
 * What the engine remembers of other domains beyond the platform's member projection: sales (for refunds), what
 * closed periods said about a member (group volume, rank), the current rank, and recruits already counted.
 */
@ApplicationScoped
public class EngineFacts {

    private final Sql sql;

    public EngineFacts(Sql sql) {
        this.sql = sql;
    }

    /** The member's standing from the member projection and their current rank; empty when not known yet. */
    public Optional<MemberStanding> standing(UUID memberId) {
        return sql.one("""
                SELECT m.country, m.registered_at, m.status, coalesce(r.rank, 'MEMBER') AS rank
                FROM member_projection m LEFT JOIN member_rank r ON r.member_id = m.member_id
                WHERE m.member_id = ?""",
                EngineFacts::standing, memberId);
    }

    /** The standings of these members that are known (see {@link #standing}). */
    public Map<UUID, MemberStanding> standings(Collection<UUID> memberIds) {
        return sql.query("""
                SELECT m.member_id, m.country, m.registered_at, m.status, coalesce(r.rank, 'MEMBER') AS rank
                FROM member_projection m LEFT JOIN member_rank r ON r.member_id = m.member_id
                WHERE m.member_id = ANY (?)""",
                row -> Map.entry(uuid(row, "member_id"), standing(row)), Sql.array(List.copyOf(memberIds)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Records the sales, in order id order; returns the orders that were not recorded before. */
    public Set<UUID> recordSales(List<Sale> sales) {
        return new HashSet<>(sql.query("""
                INSERT INTO sale (order_id, member_id, completed_at, volume, applied_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::numeric[], ?::timestamptz[])
                    AS s (order_id, member_id, completed_at, volume, applied_at)
                ORDER BY order_id
                ON CONFLICT (order_id) DO NOTHING RETURNING order_id""",
                row -> uuid(row, "order_id"),
                Sql.array(sales.stream().map(Sale::orderId).toList()),
                Sql.array(sales.stream().map(Sale::memberId).toList()),
                Sql.array(sales.stream().map(Sale::completedAt).toList()),
                Sql.array(sales.stream().map(Sale::volume).toList()),
                Sql.array(sales.stream().map(Sale::appliedAt).toList())));
    }

    /** The sales of these orders that are recorded, locked until the transaction ends, in order id order. */
    public Map<UUID, Sale> lockSales(Collection<UUID> orderIds) {
        return sql.query("SELECT order_id, member_id, completed_at, volume, refunded, applied_at FROM sale"
                + " WHERE order_id = ANY (?) ORDER BY order_id FOR UPDATE",
                EngineFacts::sale, Sql.array(List.copyOf(orderIds))).stream()
                .collect(Collectors.toMap(Sale::orderId, sale -> sale));
    }

    /** Adds refunded volume to the sales. */
    public void addRefunds(Map<UUID, BigDecimal> refunds) {
        List<UUID> orders = refunds.keySet().stream().sorted().toList();
        sql.update("UPDATE sale s SET refunded = s.refunded + r.volume"
                + " FROM unnest(?::uuid[], ?::numeric[]) AS r (order_id, volume) WHERE s.order_id = r.order_id",
                Sql.array(orders), Sql.array(orders.stream().map(refunds::get).toList()));
    }

    /**
     * Which of these orders a consumer's parked events wait for (under {@code order:<id>}), so that only those are
     * released: a release costs a look-up after the commit.
     */
    public Set<UUID> awaitedOrders(String consumer, Collection<UUID> orderIds) {
        return new HashSet<>(sql.query("""
                SELECT DISTINCT substr(waits_for, 7)::uuid AS order_id FROM parked_event
                WHERE consumer = ? AND waits_for = ANY (?)""",
                row -> uuid(row, "order_id"), consumer,
                Sql.array(orderIds.stream().map(id -> "order:" + id).toList())));
    }

    /** Records a sale; false when it was recorded before. */
    public boolean recordSale(Sale sale) {
        return sql.update("INSERT INTO sale (order_id, member_id, completed_at, volume, applied_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING",
                sale.orderId(), sale.memberId(), sale.completedAt(), sale.volume(), sale.appliedAt()) == 1;
    }

    /** The sale, locked until the transaction ends. */
    public Optional<Sale> lockSale(UUID orderId) {
        return sql.one("SELECT order_id, member_id, completed_at, volume, refunded, applied_at FROM sale"
                + " WHERE order_id = ? FOR UPDATE",
                EngineFacts::sale, orderId);
    }

    public void addRefund(UUID orderId, BigDecimal volume) {
        sql.update("UPDATE sale SET refunded = refunded + ? WHERE order_id = ?", volume, orderId);
    }

    /** Stores a closed period's group volume for the member; returns the value it replaces (zero if none). */
    public BigDecimal replaceGroupVolume(UUID memberId, String period, BigDecimal groupVolume) {
        BigDecimal before = sql.one("SELECT group_volume FROM member_period WHERE member_id = ? AND period = ? FOR UPDATE",
                row -> row.getBigDecimal(1), memberId, period).orElse(null);
        sql.update("INSERT INTO member_period (member_id, period, group_volume) VALUES (?, ?, ?)"
                + " ON CONFLICT (member_id, period) DO UPDATE SET group_volume = EXCLUDED.group_volume",
                memberId, period, groupVolume);
        return before == null ? BigDecimal.ZERO : before;
    }

    /** Stores a closed period's new rank for the member and returns every period's rank of the member. */
    public Map<String, Rank> replaceRank(UUID memberId, String period, Rank rank) {
        sql.update("INSERT INTO member_period (member_id, period, new_rank) VALUES (?, ?, ?)"
                + " ON CONFLICT (member_id, period) DO UPDATE SET new_rank = EXCLUDED.new_rank",
                memberId, period, rank);
        sql.update("INSERT INTO member_rank (member_id, rank, period) VALUES (?, ?, ?)"
                + " ON CONFLICT (member_id) DO UPDATE SET rank = EXCLUDED.rank, period = EXCLUDED.period"
                + " WHERE member_rank.period <= EXCLUDED.period", memberId, rank, period);
        return sql.query("SELECT period, new_rank FROM member_period WHERE member_id = ? AND new_rank IS NOT NULL",
                row -> Map.entry(row.getString("period"), Rank.valueOf(row.getString("new_rank"))), memberId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Records the member's KYC approval (true) or its expiry (false) as of {@code at}; false when a newer KYC event
     * was recorded already, so events of different cases arriving out of order settle on the newest.
     */
    public boolean recordKyc(UUID memberId, boolean approved, Instant at) {
        return sql.update("INSERT INTO member_kyc (member_id, approved, changed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (member_id) DO UPDATE SET approved = EXCLUDED.approved, changed_at = EXCLUDED.changed_at"
                + " WHERE member_kyc.changed_at < EXCLUDED.changed_at", memberId, approved, at) == 1;
    }

    /** Counts a recruit for their sponsor in these programs; returns the programs where they were not counted yet. */
    public List<UUID> countRecruit(UUID recruitId, UUID sponsorId, List<UUID> programIds) {
        return sql.query("""
                INSERT INTO sponsored_recruit (program_id, recruit_id, sponsor_id)
                SELECT p, ?, ? FROM unnest(?::uuid[]) AS p ORDER BY p
                ON CONFLICT DO NOTHING RETURNING program_id""",
                row -> uuid(row, "program_id"), recruitId, sponsorId, Sql.array(programIds));
    }

    private static MemberStanding standing(ResultSet row) throws SQLException {
        return new MemberStanding(row.getString("country"), instant(row, "registered_at"),
                Rank.valueOf(row.getString("rank")), List.of("PENDING", "ACTIVE").contains(row.getString("status")));
    }

    private static Sale sale(ResultSet row) throws SQLException {
        return new Sale(uuid(row, "order_id"), uuid(row, "member_id"), instant(row, "completed_at"),
                row.getBigDecimal("volume"), row.getBigDecimal("refunded"), instant(row, "applied_at"));
    }
}
