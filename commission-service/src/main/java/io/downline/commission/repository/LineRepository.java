package io.downline.commission.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.downline.commission.domain.CommissionLine;
import io.downline.commission.domain.Rank;

/** The {@code commission_line} and {@code line_reversal} tables. */
@ApplicationScoped
public class LineRepository {

    private static final String COLUMNS = "line_id, order_id, beneficiary_id, seller_id, level, rate, amount, remaining,"
            + " paid_as_rank, period, plan_version, rule, created_at, release_at, released_at";

    private final EntityManager em;

    public LineRepository(EntityManager em) {
        this.em = em;
    }

    /** Inserts the lines in one statement, in the order given. */
    public void insertAll(List<CommissionLine> lines) {
        Jdbc.update(em, "INSERT INTO commission_line (" + COLUMNS + ")"
                + " SELECT l.line_id, l.order_id, l.beneficiary_id, l.seller_id, l.level, l.rate, l.amount, l.remaining,"
                + " l.paid_as_rank, l.period, l.plan_version, l.rule, l.created_at::timestamptz,"
                + " l.release_at::timestamptz, NULL"
                + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::numeric[], ?::numeric[],"
                + " ?::numeric[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
                + " AS l (line_id, order_id, beneficiary_id, seller_id, level, rate, amount, remaining, paid_as_rank,"
                + " period, plan_version, rule, created_at, release_at, n) ORDER BY l.n",
                Jdbc.array(lines.stream().map(CommissionLine::lineId).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::orderId).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::beneficiaryId).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::sellerId).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::level).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::rate).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::amount).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::remaining).toList()),
                Jdbc.array(lines.stream().map(line -> line.paidAsRank().name()).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::period).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::planVersion).toList()),
                Jdbc.array(lines.stream().map(CommissionLine::rule).toList()),
                Jdbc.array(lines.stream().map(line -> line.createdAt().toString()).toList()),
                Jdbc.array(lines.stream().map(line -> line.releaseAt().toString()).toList()));
    }

    /** The sale's lines, level order, locked: a refund and the release job never interleave on a line. */
    public List<CommissionLine> lockOfOrder(UUID orderId) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM commission_line WHERE order_id = ?1"
                + " ORDER BY level FOR UPDATE").setParameter(1, orderId));
    }

    public void reverse(UUID lineId, UUID reversalId, UUID refundId, BigDecimal amount, boolean released) {
        em.createNativeQuery("UPDATE commission_line SET remaining = remaining - ?2 WHERE line_id = ?1")
                .setParameter(1, lineId).setParameter(2, amount).executeUpdate();
        em.createNativeQuery("INSERT INTO line_reversal (reversal_id, line_id, refund_id, amount, released)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, reversalId).setParameter(2, lineId)
                .setParameter(3, refundId).setParameter(4, amount).setParameter(5, released).executeUpdate();
    }

    /** Lines past their hold window and not yet released, locked; lines another instance holds are skipped. */
    public List<CommissionLine> lockDue(Instant now, int limit) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM commission_line WHERE released_at IS NULL"
                + " AND release_at <= ?1 ORDER BY release_at, line_id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit));
    }

    public void markReleased(UUID lineId, Instant at) {
        em.createNativeQuery("UPDATE commission_line SET released_at = ?2 WHERE line_id = ?1")
                .setParameter(1, lineId).setParameter(2, at).executeUpdate();
    }

    /** A member's lines, newest first, optionally of one period. */
    public List<CommissionLine> ofBeneficiary(UUID memberId, String period, int page, int size) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM commission_line WHERE beneficiary_id = ?1"
                + " AND (cast(?2 AS text) IS NULL OR period = ?2) ORDER BY created_at DESC, line_id LIMIT ?3 OFFSET ?4")
                .setParameter(1, memberId).setParameter(2, period).setParameter(3, size)
                .setParameter(4, (long) page * size));
    }

    public long countOfBeneficiary(UUID memberId, String period) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM commission_line WHERE beneficiary_id = ?1"
                + " AND (cast(?2 AS text) IS NULL OR period = ?2)").setParameter(1, memberId).setParameter(2, period)
                .getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<CommissionLine> list(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(r -> new CommissionLine(Rows.uuid(r[0]),
                Rows.uuid(r[1]), Rows.uuid(r[2]), Rows.uuid(r[3]), Rows.integer(r[4]), (BigDecimal) r[5],
                Rows.money(r[6]), Rows.money(r[7]), Rank.valueOf((String) r[8]), r[9].toString(), Rows.integer(r[10]),
                (String) r[11], Rows.instant(r[12]), Rows.instant(r[13]), Rows.instant(r[14]))).toList();
    }
}
