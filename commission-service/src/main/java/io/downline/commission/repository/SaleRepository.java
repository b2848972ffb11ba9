package io.downline.commission.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** Inserts the sale; false when the order was recorded before (the same order twice is one sale). */
    public boolean insert(SaleRecord sale, Instant processedAt) {
        return em.createNativeQuery("INSERT INTO sale (order_id, seller_id, amount, currency, cv, completed_at, period,"
                + " plan_version, processed_at, paid, breakage, explanation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                + " ?10, ?11, cast(?12 AS jsonb)) ON CONFLICT (order_id) DO NOTHING")
                .setParameter(1, sale.orderId()).setParameter(2, sale.sellerId()).setParameter(3, sale.amount())
                .setParameter(4, sale.currency()).setParameter(5, sale.cv()).setParameter(6, sale.completedAt())
                .setParameter(7, sale.period()).setParameter(8, sale.planVersion()).setParameter(9, processedAt)
                .setParameter(10, sale.paid()).setParameter(11, sale.breakage()).setParameter(12, sale.explanation())
                .executeUpdate() == 1;
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

    /** Adds to a member's personal volume of a period (negative for a refund). */
    public void addVolume(UUID memberId, String period, BigDecimal delta) {
        em.createNativeQuery("INSERT INTO member_volume (member_id, period, pv) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (member_id, period) DO UPDATE SET pv = member_volume.pv + excluded.pv")
                .setParameter(1, memberId).setParameter(2, period).setParameter(3, delta).executeUpdate();
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
