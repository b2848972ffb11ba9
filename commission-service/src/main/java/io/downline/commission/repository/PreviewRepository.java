package io.downline.commission.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.commission.domain.MemberIds;
import io.downline.commission.domain.Rank;

/** A closed period's frozen figures and its sales, in arrays, for a draft plan's preview. */
@ApplicationScoped
public class PreviewRepository {

    private final DataSource dataSource;

    public PreviewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The frozen tree: ids in member-id order, sponsor index, status and volumes in cents, ranks. */
    public Frozen frozen(String period) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT member_id, sponsor_id, active,"
                        + " (pv * 100)::bigint, (previous_pv * 100)::bigint, rank, previous_rank FROM close_member"
                        + " WHERE period = ? ORDER BY member_id")) {
            statement.setFetchSize(50_000);
            statement.setString(1, period);
            int capacity = 1024;
            long[] high = new long[capacity];
            long[] low = new long[capacity];
            UUID[] sponsors = new UUID[capacity];
            boolean[] active = new boolean[capacity];
            long[] pv = new long[capacity];
            long[] previousPv = new long[capacity];
            byte[] rank = new byte[capacity];
            byte[] previousRank = new byte[capacity];
            int n = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (n == high.length) {
                        capacity *= 2;
                        high = Arrays.copyOf(high, capacity);
                        low = Arrays.copyOf(low, capacity);
                        sponsors = Arrays.copyOf(sponsors, capacity);
                        active = Arrays.copyOf(active, capacity);
                        pv = Arrays.copyOf(pv, capacity);
                        previousPv = Arrays.copyOf(previousPv, capacity);
                        rank = Arrays.copyOf(rank, capacity);
                        previousRank = Arrays.copyOf(previousRank, capacity);
                    }
                    UUID id = rows.getObject(1, UUID.class);
                    high[n] = id.getMostSignificantBits();
                    low[n] = id.getLeastSignificantBits();
                    sponsors[n] = rows.getObject(2, UUID.class);
                    active[n] = rows.getBoolean(3);
                    pv[n] = rows.getLong(4);
                    previousPv[n] = rows.getLong(5);
                    rank[n] = (byte) Rank.valueOf(rows.getString(6)).ordinal();
                    previousRank[n] = (byte) Rank.valueOf(rows.getString(7)).ordinal();
                    n++;
                }
            }
            long[] h = Arrays.copyOf(high, n);
            long[] l = Arrays.copyOf(low, n);
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = sponsors[i] == null ? -1 : MemberIds.indexOf(h, l, sponsors[i]);
            }
            return new Frozen(h, l, parent, Arrays.copyOf(active, n), Arrays.copyOf(pv, n), Arrays.copyOf(previousPv, n),
                    Arrays.copyOf(rank, n), Arrays.copyOf(previousRank, n));
        }
    }

    /** The period's sales (seller index, CV net of refunds, in cents) and what each member's lines pay now. */
    public Paid sales(String period, Frozen frozen) throws SQLException {
        long[] paid = new long[frozen.parent().length];
        int[] sellers;
        long[] cv;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT seller_id, ((cv - refunded_cv) * 100)::bigint"
                    + " FROM sale WHERE period = ? AND cv > refunded_cv")) {
                statement.setFetchSize(50_000);
                statement.setString(1, period);
                int capacity = 1024;
                sellers = new int[capacity];
                cv = new long[capacity];
                int n = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (n == sellers.length) {
                            capacity *= 2;
                            sellers = Arrays.copyOf(sellers, capacity);
                            cv = Arrays.copyOf(cv, capacity);
                        }
                        sellers[n] = MemberIds.indexOf(frozen.high(), frozen.low(), rows.getObject(1, UUID.class));
                        cv[n] = rows.getLong(2);
                        n++;
                    }
                }
                sellers = Arrays.copyOf(sellers, n);
                cv = Arrays.copyOf(cv, n);
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT beneficiary_id,"
                    + " (sum(remaining) * 100)::bigint FROM commission_line WHERE period = ? GROUP BY beneficiary_id")) {
                statement.setString(1, period);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int i = MemberIds.indexOf(frozen.high(), frozen.low(), rows.getObject(1, UUID.class));
                        if (i >= 0) {
                            paid[i] = rows.getLong(2);
                        }
                    }
                }
            }
        }
        return new Paid(sellers, cv, paid);
    }

    /** A close's frozen figures per member index. */
    public record Frozen(long[] high, long[] low, int[] parent, boolean[] active, long[] pv, long[] previousPv,
            byte[] rank, byte[] previousRank) {
    }

    /**
     * @param seller index of each sale's seller (-1 when not in the frozen tree)
     * @param cv     each sale's CV net of refunds, in cents
     * @param paid   per member index, what their lines of the period pay now, in cents
     */
    public record Paid(int[] seller, long[] cv, long[] paid) {
    }
}
