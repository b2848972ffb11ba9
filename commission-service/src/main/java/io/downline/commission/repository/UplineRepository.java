package io.downline.commission.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.commission.domain.Rank;
import io.downline.commission.domain.UplineRow;

/**
 * A seller's upline from the platform's member projection (sponsor per member; a subtree move changes one
 * member's sponsor and so every upline below it), with each upline's personal volumes and paid-as rank, in one
 * recursive query.
 */
@ApplicationScoped
public class UplineRepository {

    /** Deeper than any real tree; a guard against a sponsor cycle, which user-service never produces. */
    static final int MAX_DEPTH = 1000;

    private static final String UPLINE = """
            WITH RECURSIVE up (member_id, sponsor_id, status, step) AS (
                SELECT m.member_id, m.sponsor_id, m.status, 0 FROM member_projection m WHERE m.member_id = ?1
                UNION ALL
                SELECT p.member_id, p.sponsor_id, p.status, up.step + 1
                FROM up JOIN member_projection p ON p.member_id = up.sponsor_id
                WHERE up.step < ?4
            ), last_close AS (
                SELECT max(period) AS period FROM period_close WHERE status = 'CLOSED'
            )
            SELECT up.step, up.member_id, up.sponsor_id, up.status,
                   coalesce(cur.pv, 0), coalesce(prev.pv, 0), coalesce(cm.rank, 'MEMBER')
            FROM up
            LEFT JOIN member_volume cur ON cur.member_id = up.member_id AND cur.period = ?2
            LEFT JOIN member_volume prev ON prev.member_id = up.member_id AND prev.period = ?3
            LEFT JOIN last_close lc ON true
            LEFT JOIN close_member cm ON cm.period = lc.period AND cm.member_id = up.member_id
            ORDER BY up.step""";

    private final EntityManager em;

    public UplineRepository(EntityManager em) {
        this.em = em;
    }

    /** The seller (step 0) and their upline up to the root; empty when the seller is unknown. */
    @SuppressWarnings("unchecked")
    public List<UplineRow> upline(UUID sellerId, String period, String previousPeriod) {
        List<Object[]> rows = em.createNativeQuery(UPLINE).setParameter(1, sellerId).setParameter(2, period)
                .setParameter(3, previousPeriod).setParameter(4, MAX_DEPTH).getResultList();
        return rows.stream().map(r -> new UplineRow(Rows.integer(r[0]), Rows.uuid(r[1]), Rows.uuid(r[2]),
                (String) r[3], Rows.money(r[4]), Rows.money(r[5]), Rank.valueOf((String) r[6]))).toList();
    }

    public boolean memberExists(UUID memberId) {
        return !em.createNativeQuery("SELECT 1 FROM member_projection WHERE member_id = ?1").setParameter(1, memberId)
                .getResultList().isEmpty();
    }
}
