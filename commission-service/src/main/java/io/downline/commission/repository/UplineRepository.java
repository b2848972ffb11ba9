package io.downline.commission.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.commission.domain.Periods;
import io.downline.commission.domain.Rank;
import io.downline.commission.domain.UplineRow;

/**
 * A seller's upline from the platform's member projection (sponsor per member; a subtree move changes one
 * member's sponsor and so every upline below it), with each upline's personal volumes and paid-as rank, in one
 * recursive query for a whole batch of sales.
 */
@ApplicationScoped
public class UplineRepository {

    /**
     * Deeper than any real tree: a guard against a sponsor cycle, which user-service never produces, and the
     * {@code figuredSteps} that reads the figures of every row.
     */
    public static final int MAX_DEPTH = 1000;

    /**
     * The uplines of several sellers at once: each start row (seller, period, period before) walks up on its own,
     * tagged with its origin, so a batch of sales reads every upline in one statement. The figures of a row (both
     * personal volumes in one index range, the paid-as rank) are looked up by their keys, never joined to whole
     * tables, and only up to the step asked for: the walk pays a few levels, while an upline can be a hundred
     * members deep, and every member of it is still listed (the sale's explanation keeps the whole upline).
     */
    private static final String UPLINES = """
            WITH RECURSIVE start AS (
                SELECT DISTINCT s.seller_id, s.period::char(7) AS period, s.previous_period::char(7) AS previous_period
                FROM unnest(?::uuid[], ?::text[], ?::text[]) AS s (seller_id, period, previous_period)
            ), up (seller_id, period, previous_period, member_id, sponsor_id, status, step) AS (
                SELECT s.seller_id, s.period, s.previous_period, m.member_id, m.sponsor_id, m.status, 0
                FROM start s JOIN member_projection m ON m.member_id = s.seller_id
                UNION ALL
                SELECT up.seller_id, up.period, up.previous_period, p.member_id, p.sponsor_id, p.status, up.step + 1
                FROM up JOIN member_projection p ON p.member_id = up.sponsor_id
                WHERE up.step < ?
            )
            SELECT up.seller_id, up.period, up.step, up.member_id, up.sponsor_id, up.status, up.step <= ?,
                   volume.current, volume.previous,
                   CASE WHEN up.step <= ? THEN coalesce((SELECT cm.rank FROM close_member cm WHERE cm.member_id = up.member_id
                       AND cm.period = (SELECT max(period) FROM period_close WHERE status = 'CLOSED')), 'MEMBER') END
            FROM up
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(v.pv) FILTER (WHERE v.period = up.period), 0) AS current,
                       coalesce(sum(v.pv) FILTER (WHERE v.period = up.previous_period), 0) AS previous
                FROM member_volume v
                WHERE up.step <= ? AND v.member_id = up.member_id
                  AND v.period BETWEEN up.previous_period AND up.period
            ) AS volume
            ORDER BY up.seller_id, up.period, up.step""";

    /** Whose upline to read, with the volumes of which period (and the one before). */
    public record Start(UUID sellerId, String period) {
    }

    private final EntityManager em;

    public UplineRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * For each start, the seller (step 0) and their upline up to the root, in step order, with the figures of the
     * rows up to {@code figuredSteps} ({@link UplineRow#figured()}); a seller the projection does not know has no
     * entry.
     */
    public Map<Start, List<UplineRow>> uplines(Collection<Start> starts, int figuredSteps) {
        List<Tagged> rows = Jdbc.query(em, UPLINES, row -> new Tagged(row.getObject(1, UUID.class), row.getString(2),
                row.getBoolean(7)
                        ? new UplineRow(row.getInt(3), row.getObject(4, UUID.class), row.getObject(5, UUID.class),
                                row.getString(6), Rows.money(row.getBigDecimal(8)), Rows.money(row.getBigDecimal(9)),
                                Rank.valueOf(row.getString(10)))
                        : new UplineRow(row.getInt(3), row.getObject(4, UUID.class), row.getObject(5, UUID.class),
                                row.getString(6), null, null, null)),
                Jdbc.array(starts.stream().map(Start::sellerId).toList()),
                Jdbc.array(starts.stream().map(Start::period).toList()),
                Jdbc.array(starts.stream().map(start -> previous(start.period())).toList()), MAX_DEPTH,
                figuredSteps, figuredSteps, figuredSteps);
        Map<Start, List<UplineRow>> uplines = new HashMap<>();
        for (Start start : starts) {
            uplines.put(start, new ArrayList<>());
        }
        for (Tagged row : rows) {
            uplines.get(new Start(row.sellerId(), row.period())).add(row.row());
        }
        uplines.values().removeIf(List::isEmpty);
        return uplines;
    }

    private static String previous(String period) {
        return Periods.format(Periods.parse(period).minusMonths(1));
    }

    /** An upline row and the start it belongs to. */
    private record Tagged(UUID sellerId, String period, UplineRow row) {
    }

    public boolean memberExists(UUID memberId) {
        return !em.createNativeQuery("SELECT 1 FROM member_projection WHERE member_id = ?1").setParameter(1, memberId)
                .getResultList().isEmpty();
    }
}
