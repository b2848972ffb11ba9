package io.downline.user.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.user.domain.LevelCount;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.TreeNode;

/**
 * The sponsor tree's read index ({@code member.path}, an ltree of tree_ids from the root) queried in SQL:
 * upline = the labels of the path joined on tree_id, downline = the members whose path contains the
 * member's label (GIN index on {@code path_ids(path)}), depth = nlevel. Runs on the transaction's
 * connection when there is one.
 */
@ApplicationScoped
public class SponsorTreeRepository {

    private static final String NODE_COLUMNS =
            "d.id, d.sponsor_id, %s AS level, d.name, d.email, d.country, d.status, d.rank, d.registered_at";

    private final AgroalDataSource dataSource;

    public SponsorTreeRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The members above, nearest first, up to and including the root. */
    public List<TreeNode> upline(UUID memberId) {
        return nodes("""
                SELECT %s FROM member me
                JOIN member d ON d.tree_id = ANY (path_ids(me.path)) AND d.id <> me.id
                WHERE me.id = ?
                ORDER BY level""".formatted(NODE_COLUMNS.formatted("nlevel(me.path) - nlevel(d.path)")), memberId);
    }

    /** Whether {@code descendant} is somewhere below {@code ancestor}. */
    public boolean isInDownline(UUID ancestor, UUID descendant) {
        return exists("""
                SELECT 1 FROM member a, member d
                WHERE a.id = ? AND d.id = ? AND d.path <@ a.path AND d.id <> a.id""", ancestor, descendant);
    }

    /** One page of the downline down to {@code maxDepth} levels, level by level. */
    public List<TreeNode> downline(UUID memberId, int maxDepth, int offset, int limit) {
        return nodes("""
                SELECT %s FROM member me
                JOIN member d ON path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id
                    AND nlevel(d.path) <= nlevel(me.path) + ?
                WHERE me.id = ?
                ORDER BY level, d.path
                OFFSET ? LIMIT ?""".formatted(NODE_COLUMNS.formatted("nlevel(d.path) - nlevel(me.path)")),
                maxDepth, memberId, offset, limit);
    }

    /** Members per level below the member, down to {@code maxDepth} levels. */
    public List<LevelCount> levelCounts(UUID memberId, int maxDepth) {
        List<LevelCount> counts = new ArrayList<>();
        query("""
                SELECT nlevel(d.path) - nlevel(me.path) AS level, count(*) FROM member me
                JOIN member d ON path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id
                    AND nlevel(d.path) <= nlevel(me.path) + ?
                WHERE me.id = ?
                GROUP BY 1 ORDER BY 1""", rs -> counts.add(new LevelCount(rs.getInt(1), rs.getLong(2))), maxDepth, memberId);
        return counts;
    }

    /** Size of the whole downline. */
    public long downlineCount(UUID memberId) {
        long[] count = new long[1];
        query("""
                SELECT count(*) FROM member d, member me
                WHERE me.id = ? AND path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id""", rs -> count[0] = rs.getLong(1), memberId);
        return count[0];
    }

    /**
     * Moves the member and their whole subtree under the new sponsor in one statement; returns how many
     * members moved. The caller has checked that the new sponsor is not inside the subtree.
     */
    public int moveSubtree(UUID memberId, UUID newSponsorId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE member d SET path = s.path || subpath(d.path, nlevel(me.path) - 1)
                        FROM member me, member s
                        WHERE me.id = ? AND s.id = ? AND path_ids(d.path) @> ARRAY[me.tree_id]""")) {
            statement.setObject(1, memberId);
            statement.setObject(2, newSponsorId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the subtree of " + memberId, e);
        }
    }

    /** Serialises sponsor changes across the tree for the rest of the transaction (no cycle can slip in). */
    public void lockTreeForMove() {
        exists("SELECT 1 FROM pg_advisory_xact_lock(hashtext('user-service:sponsor-tree'))");
    }

    private List<TreeNode> nodes(String sql, Object... parameters) {
        List<TreeNode> nodes = new ArrayList<>();
        query(sql, rs -> nodes.add(new TreeNode(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6), MemberStatus.valueOf(rs.getString(7)),
                rs.getString(8), rs.getTimestamp(9).toInstant())), parameters);
        return nodes;
    }

    private boolean exists(String sql, Object... parameters) {
        boolean[] found = { false };
        query(sql, rs -> found[0] = true, parameters);
        return found[0];
    }

    private void query(String sql, RowConsumer consumer, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sponsor tree query failed", e);
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }
}
