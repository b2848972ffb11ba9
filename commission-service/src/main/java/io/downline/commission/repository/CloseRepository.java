package io.downline.commission.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.commission.domain.CloseInput;
import io.downline.commission.domain.CloseResult;
import io.downline.commission.domain.MemberIds;
import io.downline.commission.domain.PeriodSummary;
import io.downline.commission.domain.Rank;
import io.downline.platform.events.EventJson;

/**
 * The bulk side of a period close: its inputs in one ordered scan, its results and events through COPY. Runs on
 * the transaction's own connection, so everything commits or rolls back with the close.
 */
@ApplicationScoped
public class CloseRepository {

    private static final String INPUTS = """
            SELECT m.member_id, m.sponsor_id, m.status = 'ACTIVE',
                   coalesce((cur.pv * 100)::bigint, 0), coalesce((prev.pv * 100)::bigint, 0), coalesce(cm.rank, 'MEMBER')
            FROM member_projection m
            LEFT JOIN member_volume cur ON cur.member_id = m.member_id AND cur.period = ?
            LEFT JOIN member_volume prev ON prev.member_id = m.member_id AND prev.period = ?
            LEFT JOIN close_member cm ON cm.member_id = m.member_id
                AND cm.period = (SELECT max(period) FROM period_close WHERE status = 'CLOSED' AND period < ?)
            ORDER BY m.member_id""";

    private final DataSource dataSource;
    private final EntityManager em;

    public CloseRepository(DataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    public Optional<PeriodSummary> lock(String period) {
        return summary("SELECT " + PeriodSummary.COLUMNS + " FROM period_close WHERE period = ?1 FOR UPDATE", period);
    }

    public Optional<PeriodSummary> find(String period) {
        return summary("SELECT " + PeriodSummary.COLUMNS + " FROM period_close WHERE period = ?1", period);
    }

    /** Every member with their sponsor's index, status, PV of the period and the one before, and paid-as rank. */
    public CloseInput load(String period, String previousPeriod) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INPUTS)) {
            statement.setFetchSize(50_000);
            statement.setString(1, period);
            statement.setString(2, previousPeriod);
            statement.setString(3, period);
            Columns columns = new Columns();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getBoolean(3),
                            rows.getLong(4), rows.getLong(5), (byte) Rank.valueOf(rows.getString(6)).ordinal());
                }
            }
            return columns.toInput();
        }
    }

    /** The frozen results of an earlier close of the period, for the diff. */
    public Frozen frozen(String period) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT member_id, (pv * 100)::bigint,"
                + " (gv * 100)::bigint, rank FROM close_member WHERE period = ? ORDER BY member_id")) {
            statement.setFetchSize(50_000);
            statement.setString(1, period);
            List<UUID> ids = new ArrayList<>();
            List<long[]> figures = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                    figures.add(new long[] { rows.getLong(2), rows.getLong(3), Rank.valueOf(rows.getString(4)).ordinal() });
                }
            }
            return new Frozen(ids, figures);
        }
    }

    /** Replaces the period's frozen rows with this close's. */
    public void writeMembers(String period, CloseInput input, CloseResult result) throws SQLException {
        em.createNativeQuery("DELETE FROM close_member WHERE period = ?1").setParameter(1, period).executeUpdate();
        em.flush();
        Rank[] ranks = Rank.values();
        long[] high = input.idHigh();
        long[] low = input.idLow();
        try (Connection connection = dataSource.getConnection();
                CopyWriter copy = new CopyWriter(connection, "COPY close_member (period, member_id, sponsor_id, active, pv,"
                + " previous_pv, gv, qualified_sponsored, rank, previous_rank) FROM STDIN")) {
            for (int i = 0; i < input.size(); i++) {
                copy.out().ascii(period);
                copy.next().uuid(high[i], low[i]);
                int p = input.parent()[i];
                if (p < 0) {
                    copy.next();
                    copy.nullValue();
                } else {
                    copy.next().uuid(high[p], low[p]);
                }
                copy.next().character(input.active()[i] ? 't' : 'f');
                copy.next().cents(input.pv()[i]);
                copy.next().cents(input.previousPv()[i]);
                copy.next().cents(result.groupVolume()[i]);
                copy.next().digits(result.qualifiedSponsored()[i]);
                copy.next().ascii(ranks[result.rank()[i]].name());
                copy.next().ascii(ranks[input.previousRank()[i]].name());
                copy.endRow();
            }
        }
    }

    /**
     * Opens the COPY that queues a close's {@code count} events in the outbox, on the transaction's connection; the
     * caller writes them in the order they are to be published and calls {@link CloseEventCopy#finish()}.
     */
    public CloseEventCopy openEvents(String period, Instant occurredAt, int count) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new CloseEventCopy(connection, period, occurredAt, count);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Net CV of the period's sales, what their lines still pay, and their breakage. */
    public BigDecimal[] salesFigures(String period) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT coalesce(sum(cv - refunded_cv), 0), coalesce(sum(breakage), 0)"
                + " FROM sale WHERE period = ?1").setParameter(1, period).getSingleResult();
        Object paid = em.createNativeQuery("SELECT coalesce(sum(remaining), 0) FROM commission_line WHERE period = ?1")
                .setParameter(1, period).getSingleResult();
        return new BigDecimal[] { Rows.money(row[0]), Rows.money(paid), Rows.money(row[1]) };
    }

    public void save(PeriodSummary summary, boolean exists) {
        String sql = exists
                ? "UPDATE period_close SET status = ?2, plan_version = ?3, result_hash = ?4, member_count = ?5,"
                        + " total_volume = ?6, sales_volume = ?7, commissions = ?8, breakage = ?9, payout_ratio = ?10,"
                        + " rank_counts = cast(?11 AS jsonb), closes = ?12, closed_at = ?13, closed_by = ?14,"
                        + " reopened_at = ?15, reopened_by = ?16 WHERE period = ?1"
                : "INSERT INTO period_close (period, status, plan_version, result_hash, member_count, total_volume,"
                        + " sales_volume, commissions, breakage, payout_ratio, rank_counts, closes, closed_at, closed_by,"
                        + " reopened_at, reopened_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, cast(?11 AS jsonb),"
                        + " ?12, ?13, ?14, ?15, ?16)";
        em.createNativeQuery(sql).setParameter(1, summary.period()).setParameter(2, summary.status())
                .setParameter(3, summary.planVersion()).setParameter(4, summary.resultHash())
                .setParameter(5, summary.memberCount()).setParameter(6, summary.totalVolume())
                .setParameter(7, summary.salesVolume()).setParameter(8, summary.commissions())
                .setParameter(9, summary.breakage()).setParameter(10, summary.payoutRatio())
                .setParameter(11, EventJson.write(summary.rankCounts())).setParameter(12, summary.closes())
                .setParameter(13, summary.closedAt()).setParameter(14, summary.closedBy())
                .setParameter(15, summary.reopenedAt()).setParameter(16, summary.reopenedBy()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Optional<PeriodSummary> summary(String sql, String period) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, period).getResultList();
        return rows.stream().findFirst().map(r -> new PeriodSummary(r[0].toString(), (String) r[1], Rows.integer(r[2]),
                r[3].toString(), Rows.integer(r[4]), Rows.money(r[5]), Rows.money(r[6]), Rows.money(r[7]),
                Rows.money(r[8]), ((BigDecimal) r[9]), PeriodSummary.rankCounts((String) r[10]), Rows.integer(r[11]),
                Rows.instant(r[12]), (String) r[13], Rows.instant(r[14]), (String) r[15]));
    }

    /** An earlier close's per-member figures (PV and GV in cents, rank ordinal), in member-id order. */
    public record Frozen(List<UUID> ids, List<long[]> figures) {
    }

    /** Growable columns while the inputs stream in. */
    private static final class Columns {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private long[] sponsorHigh = new long[1024];
        private long[] sponsorLow = new long[1024];
        private boolean[] hasSponsor = new boolean[1024];
        private boolean[] active = new boolean[1024];
        private long[] pv = new long[1024];
        private long[] previousPv = new long[1024];
        private byte[] rank = new byte[1024];
        private int size;

        void add(UUID id, UUID sponsor, boolean isActive, long pvCents, long previousCents, byte paidAs) {
            if (size == high.length) {
                int capacity = size * 2;
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                sponsorHigh = Arrays.copyOf(sponsorHigh, capacity);
                sponsorLow = Arrays.copyOf(sponsorLow, capacity);
                hasSponsor = Arrays.copyOf(hasSponsor, capacity);
                active = Arrays.copyOf(active, capacity);
                pv = Arrays.copyOf(pv, capacity);
                previousPv = Arrays.copyOf(previousPv, capacity);
                rank = Arrays.copyOf(rank, capacity);
            }
            high[size] = id.getMostSignificantBits();
            low[size] = id.getLeastSignificantBits();
            hasSponsor[size] = sponsor != null;
            if (sponsor != null) {
                sponsorHigh[size] = sponsor.getMostSignificantBits();
                sponsorLow[size] = sponsor.getLeastSignificantBits();
            }
            active[size] = isActive;
            pv[size] = pvCents;
            previousPv[size] = previousCents;
            rank[size] = paidAs;
            size++;
        }

        CloseInput toInput() {
            long[] h = Arrays.copyOf(high, size);
            long[] l = Arrays.copyOf(low, size);
            int[] parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = hasSponsor[i] ? MemberIds.indexOf(h, l, new UUID(sponsorHigh[i], sponsorLow[i])) : -1;
            }
            return new CloseInput(h, l, parent, Arrays.copyOf(pv, size),
                    Arrays.copyOf(previousPv, size), Arrays.copyOf(active, size),
                    Arrays.copyOf(rank, size));
        }
    }
}
