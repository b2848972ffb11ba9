package io.downline.user.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.user.config.GenealogyConfig;
import io.downline.user.domain.BrokenTreeLink;
import io.downline.user.domain.DownlineCursor;
import io.downline.user.domain.DownlinePage;
import io.downline.user.domain.LevelCount;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.TreeNode;

/**
 * The sponsor tree's read index ({@code member.path}, an ltree of tree_ids from the root) queried in SQL:
 * upline = the labels of the path joined on tree_id, downline = the members whose path contains the
 * member's label (GIN index on {@code path_ids(path)}), depth = nlevel. Runs on the transaction's
 * connection when there is one. Downline reads a member can ask for are cancelled after
 * {@link GenealogyConfig#queryTimeout()}.
 */
@ApplicationScoped
public class SponsorTreeRepository {

    /** Name of the transaction advisory lock that serialises sponsor moves. */
    public static final String MOVE_LOCK = "user-service:sponsor-tree";

    private static final String QUERY_CANCELED = "57014";
    private static final int NO_TIMEOUT = 0;
    private static final String NODE_COLUMNS =
            "d.id, d.tree_id, d.sponsor_id, %s AS level, d.name, d.email, d.country, d.status, d.rank, d.registered_at";

    private final AgroalDataSource dataSource;
    private final int timeoutSeconds;

    public SponsorTreeRepository(AgroalDataSource dataSource, GenealogyConfig config) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, config.queryTimeout().toSeconds());
    }

    /** The members above, nearest first, up to and including the root. */
    public List<TreeNode> upline(UUID memberId) {
        return nodes("""
                SELECT %s FROM member me
                JOIN member d ON d.tree_id = ANY (path_ids(me.path)) AND d.id <> me.id
                WHERE me.id = ?
                ORDER BY level""".formatted(NODE_COLUMNS.formatted("nlevel(me.path) - nlevel(d.path)")), NO_TIMEOUT,
                memberId);
    }

    /** The member as the top of their own tree (level 0). */
    public Optional<TreeNode> node(UUID memberId) {
        return nodes("SELECT %s FROM member d WHERE d.id = ?".formatted(NODE_COLUMNS.formatted("0")), NO_TIMEOUT,
                memberId).stream().findFirst();
    }

    /** Whether {@code descendant} is somewhere below {@code ancestor}. */
    public boolean isInDownline(UUID ancestor, UUID descendant) {
        return exists("""
                SELECT 1 FROM member a, member d
                WHERE a.id = ? AND d.id = ? AND d.path <@ a.path AND d.id <> a.id""", ancestor, descendant);
    }

    /**
     * One keyset page of the downline down to {@code maxDepth} levels, ordered by (level, tree label), starting
     * after {@code after} (from the top when empty). No OFFSET and no count: a deep page costs what the first does.
     */
    public DownlinePage downline(UUID memberId, int maxDepth, Optional<DownlineCursor> after, int limit) {
        DownlineCursor from = after.orElse(new DownlineCursor(0, 0));
        List<TreeNode> nodes = nodes("""
                SELECT %s FROM member me
                JOIN member d ON path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id
                    AND nlevel(d.path) <= nlevel(me.path) + ?
                WHERE me.id = ? AND (nlevel(d.path) - nlevel(me.path), d.tree_id) > (?, ?)
                ORDER BY level, d.tree_id
                LIMIT ?""".formatted(NODE_COLUMNS.formatted("nlevel(d.path) - nlevel(me.path)")), timeoutSeconds,
                maxDepth, memberId, from.level(), from.treeId(), limit + 1);
        if (nodes.size() <= limit) {
            return new DownlinePage(nodes, Optional.empty());
        }
        List<TreeNode> page = List.copyOf(nodes.subList(0, limit));
        return new DownlinePage(page, Optional.of(page.get(limit - 1).cursor()));
    }

    /** Members per level below the member, down to {@code maxDepth} levels. */
    public List<LevelCount> levelCounts(UUID memberId, int maxDepth) {
        List<LevelCount> counts = new ArrayList<>();
        query("""
                SELECT nlevel(d.path) - nlevel(me.path) AS level, count(*) FROM member me
                JOIN member d ON path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id
                    AND nlevel(d.path) <= nlevel(me.path) + ?
                WHERE me.id = ?
                GROUP BY 1 ORDER BY 1""", timeoutSeconds, rs -> counts.add(new LevelCount(rs.getInt(1), rs.getLong(2))),
                maxDepth, memberId);
        return counts;
    }

    /** Size of the whole downline. */
    public long downlineCount(UUID memberId) {
        long[] count = new long[1];
        query("""
                SELECT count(*) FROM member d, member me
                WHERE me.id = ? AND path_ids(d.path) @> ARRAY[me.tree_id] AND d.id <> me.id""", timeoutSeconds,
                rs -> count[0] = rs.getLong(1), memberId);
        return count[0];
    }

    /**
     * Members whose path is not their sponsor's path plus their own label (a root: just its own label), at
     * most {@code limit}. Empty when the read index matches the sponsor links. A full scan: for operators.
     */
    public List<BrokenTreeLink> brokenLinks(int limit) {
        List<BrokenTreeLink> broken = new ArrayList<>();
        query("""
                SELECT m.id, m.sponsor_id, m.path::text, e.expected::text FROM member m
                LEFT JOIN member s ON s.id = m.sponsor_id
                CROSS JOIN LATERAL (SELECT CASE WHEN m.sponsor_id IS NULL THEN text2ltree(m.tree_id::text)
                                                ELSE s.path || text2ltree(m.tree_id::text) END AS expected) e
                WHERE e.expected IS NULL OR m.path <> e.expected
                ORDER BY m.tree_id
                LIMIT ?""", NO_TIMEOUT, rs -> broken.add(new BrokenTreeLink(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))), limit);
        return broken;
    }

    /**
     * Row-locks the member and their whole subtree for the rest of the transaction (FOR NO KEY UPDATE) and
     * returns how many rows it locked. A registration share-locks its sponsor row, so this waits for every
     * registration in flight under the subtree to commit, and blocks new ones until the move commits: the
     * move's UPDATE, a later statement with a later snapshot, then sees every member of the subtree.
     */
    public int lockSubtree(UUID memberId) {
        int[] locked = new int[1];
        query("""
                SELECT count(*) FROM (
                    SELECT d.id FROM member me
                    JOIN member d ON path_ids(d.path) @> ARRAY[me.tree_id]
                    WHERE me.id = ?
                    FOR NO KEY UPDATE OF d) subtree""", NO_TIMEOUT, rs -> locked[0] = rs.getInt(1), memberId);
        return locked[0];
    }

    /**
     * Moves the member and their whole subtree under the new sponsor in one statement; returns how many
     * members moved. The caller has locked the subtree and checked that the new sponsor is not inside it.
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
        exists("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))", MOVE_LOCK);
    }

    private List<TreeNode> nodes(String sql, int timeout, Object... parameters) {
        List<TreeNode> nodes = new ArrayList<>();
        query(sql, timeout, rs -> nodes.add(new TreeNode(rs.getObject(1, UUID.class), rs.getLong(2),
                rs.getObject(3, UUID.class), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                MemberStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getTimestamp(10).toInstant())), parameters);
        return nodes;
    }

    private boolean exists(String sql, Object... parameters) {
        boolean[] found = { false };
        query(sql, NO_TIMEOUT, rs -> found[0] = true, parameters);
        return found[0];
    }

    private void query(String sql, int timeout, RowConsumer consumer, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeout);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState()) && timeout != NO_TIMEOUT) {
                throw new BusinessRuleException("This part of the downline is too large to answer within "
                        + timeout + " s; ask for fewer levels");
            }
            throw new IllegalStateException("Sponsor tree query failed", e);
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }
}
