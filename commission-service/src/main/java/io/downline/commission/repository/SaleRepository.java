package io.downline.commission.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.downline.commission.domain.SaleRecord;

/** The {@code sale}, {@code refund} and {@code member_volume} tables. */
@ApplicationScoped
public class SaleRepository {

    private static final String COLUMNS = "order_id, seller_id, amount, currency, cv, refunded_amount, refunded_cv,"
            + " completed_at, period, plan_version, paid, breakage, explanation::text";

    private final EntityManager em;

    public SaleRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<SaleRecord> find(UUID orderId) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM sale WHERE order_id = ?1").setParameter(1, orderId));
    }

    /** The sale's row, locked until the transaction ends: refunds of one sale are applied one at a time. */
    public Optional<SaleRecord> lock(UUID orderId) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM sale WHERE order_id = ?1 FOR UPDATE")
                .setParameter(1, orderId));
    }

    /** The orders of the list that are recorded already. */
    public Set<UUID> existing(List<UUID> orderIds) {
        return new HashSet<>(Jdbc.query(em, "SELECT order_id FROM sale WHERE order_id = ANY(?)",
                row -> row.getObject(1, UUID.class), Jdbc.array(orderIds)));
    }

    /**
     * Inserts the sales in one statement; returns the orders inserted (an order recorded meanwhile by another
     * transaction is left as it is: the same order twice is one sale).
     */
    public Set<UUID> insertAll(List<SaleRecord> sales, Instant processedAt) {
        return new HashSet<>(Jdbc.query(em, """
                INSERT INTO sale (order_id, seller_id, amount, currency, cv, completed_at, period, plan_version,
                                  processed_at, paid, breakage, explanation)
                SELECT s.order_id, s.seller_id, s.amount, s.currency, s.cv, s.completed_at::timestamptz, s.period,
                       s.plan_version, ?, s.paid, s.breakage, s.explanation::jsonb
                FROM unnest(?::uuid[], ?::uuid[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::text[],
                            ?::int[], ?::numeric[], ?::numeric[], ?::text[])
                     AS s (order_id, seller_id, amount, currency, cv, completed_at, period, plan_version, paid,
                           breakage, explanation)
                ON CONFLICT (order_id) DO NOTHING
                RETURNING order_id""", row -> row.getObject(1, UUID.class),
                processedAt.atOffset(ZoneOffset.UTC),
                Jdbc.array(sales.stream().map(SaleRecord::orderId).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::sellerId).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::amount).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::currency).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::cv).toList()),
                Jdbc.array(sales.stream().map(sale -> sale.completedAt().toString()).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::period).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::planVersion).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::paid).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::breakage).toList()),
                Jdbc.array(sales.stream().map(SaleRecord::explanation).toList())));
    }

    public void addRefunded(UUID orderId, BigDecimal amount, BigDecimal cv) {
        em.createNativeQuery("UPDATE sale SET refunded_amount = refunded_amount + ?2, refunded_cv = refunded_cv + ?3"
                + " WHERE order_id = ?1").setParameter(1, orderId).setParameter(2, amount).setParameter(3, cv)
                .executeUpdate();
    }

    public boolean refundExists(UUID refundId) {
        return !em.createNativeQuery("SELECT 1 FROM refund WHERE refund_id = ?1").setParameter(1, refundId)
                .getResultList().isEmpty();
    }

    public void insertRefund(UUID refundId, UUID orderId, BigDecimal amount, BigDecimal cv, Instant at, String period) {
        em.createNativeQuery("INSERT INTO refund (refund_id, order_id, amount, cv, refunded_at, period)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, refundId).setParameter(2, orderId)
                .setParameter(3, amount).setParameter(4, cv).setParameter(5, at).setParameter(6, period).executeUpdate();
    }

    /**
     * Adds to several members' personal volumes in one statement, one change per (member, period), in key order
     * so that two transactions adding to the same rows take their locks in the same order.
     */
    public void addVolumes(Map<VolumeKey, BigDecimal> deltas) {
        List<VolumeKey> keys = deltas.keySet().stream()
                .sorted(Comparator.comparing(VolumeKey::memberId).thenComparing(VolumeKey::period)).toList();
        Jdbc.update(em, """
                INSERT INTO member_volume (member_id, period, pv)
                SELECT v.member_id, v.period, v.pv FROM unnest(?::uuid[], ?::text[], ?::numeric[]) WITH ORDINALITY AS v (member_id, period, pv, n)
                ORDER BY v.n
                ON CONFLICT (member_id, period) DO UPDATE SET pv = member_volume.pv + excluded.pv""",
                Jdbc.array(keys.stream().map(VolumeKey::memberId).toList()),
                Jdbc.array(keys.stream().map(VolumeKey::period).toList()),
                Jdbc.array(keys.stream().map(deltas::get).toList()));
    }

    /** A member's personal volume of a period. */
    public record VolumeKey(UUID memberId, String period) {
    }

    /** The orders of the list that have a refund parked, waiting for them. */
    public Set<UUID> withParkedRefunds(List<UUID> orderIds) {
        return new HashSet<>(Jdbc.query(em, "SELECT DISTINCT waits_for FROM parked_event WHERE waits_for = ANY(?)",
                row -> UUID.fromString(row.getString(1).substring("order:".length())),
                Jdbc.array(orderIds.stream().map(id -> "order:" + id).toList())));
    }

    public BigDecimal volume(UUID memberId, String period) {
        List<?> rows = em.createNativeQuery("SELECT pv FROM member_volume WHERE member_id = ?1 AND period = ?2")
                .setParameter(1, memberId).setParameter(2, period).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO.setScale(2) : Rows.money(rows.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Optional<SaleRecord> one(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().findFirst().map(r -> new SaleRecord(Rows.uuid(r[0]),
                Rows.uuid(r[1]), Rows.money(r[2]), ((String) r[3].toString()).trim(), Rows.money(r[4]), Rows.money(r[5]),
                Rows.money(r[6]), Rows.instant(r[7]), r[8].toString(), Rows.integer(r[9]), Rows.money(r[10]),
                Rows.money(r[11]), (String) r[12]));
    }
}
