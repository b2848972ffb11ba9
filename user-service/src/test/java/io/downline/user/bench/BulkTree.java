package io.downline.user.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.downline.platform.testing.bench.CopyText;
import io.downline.platform.testing.bench.TreeShape;

/**
 * The generated sponsor tree ({@link TreeShape}, platform/testing) as members of user-service: its bulk load
 * into {@code member} through the PostgreSQL COPY protocol, with paths computed in Java, its check and removal.
 */
final class BulkTree {

    private static final String[] FIRST = { "Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines",
            "Jamal", "Kira", "Liam", "Maria", "Noah", "Olga", "Pedro", "Qin", "Rosa", "Sam", "Tara", "Umar", "Vera",
            "Wei", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Chen", "Dmitri", "Emma", "Felipe", "Giulia", "Hana",
            "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nadia" };
    private static final String[] LAST = { "Silva", "Smith", "Garcia", "Mueller", "Rossi", "Nguyen", "Kim", "Okafor",
            "Kowalski", "Dubois", "Santos", "Ivanova", "Haddad", "Tanaka", "Jensen", "Moreau", "Costa", "Novak", "Patel",
            "Fischer", "Lopez", "Yilmaz", "Andersen", "Reyes", "Popescu", "Mendes", "Sato", "Hoffmann", "Ali", "Brown",
            "Martin", "Weber", "Ortiz", "Nowak", "Khan", "Lee", "Wang", "Cohen", "Bianchi", "Murphy" };
    private static final String[] COUNTRIES = { "US", "US", "US", "MX", "BR", "BR", "PH", "PH", "NG", "DE", "GB", "IN",
            "ID", "CO", "PE", "ES", "PL", "TR", "MY", "ZA" };
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    /** 31^8: the referral-code space; codes are a bijection of tree_id, so bulk codes never collide. */
    private static final long CODE_SPACE = 852_891_037_441L;
    private static final long CODE_MULTIPLIER = 387_420_489L; // 3^18, coprime to 31
    private static final long CODE_OFFSET = 123_456_789L;

    /** The tree's structure and ids. */
    final TreeShape tree;
    final int n;

    // Set by load(): the root as found in the database and the tree_id range reserved for the bulk rows.
    String rootPath;
    long rootTreeId;
    long firstTreeId;

    private BulkTree(TreeShape tree) {
        this.tree = tree;
        this.n = tree.n;
    }

    static BulkTree generate(int n, long seed) {
        return new BulkTree(TreeShape.generate(n, seed));
    }

    UUID id(int position) {
        return tree.id(position);
    }

    long treeId(int position) {
        return position == 0 ? rootTreeId : firstTreeId + position - 1;
    }

    long lastTreeId() {
        return firstTreeId + n - 1;
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Timings (seconds) and counts of one bulk load. */
    static final class LoadFigures {
        final Map<String, Object> seconds = new LinkedHashMap<>();
        final Map<String, Object> details = new LinkedHashMap<>();
    }

    /**
     * Loads the tree in one transaction, as a data migration would: the non-constraint indexes of
     * {@code member} and its self foreign key are dropped, the path trigger is disabled (paths come computed
     * from Java), the rows are streamed with COPY, then the trigger is enabled and the indexes and the
     * foreign key rebuilt from their own catalogue definitions, and the transaction commits. Nobody else ever
     * sees the table without its trigger or indexes (ACCESS EXCLUSIVE lock until commit; a failure rolls
     * everything back). Then VACUUM and ANALYZE, outside the transaction.
     */
    LoadFigures load(Connection connection) throws SQLException {
        LoadFigures figures = new LoadFigures();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long t0 = System.nanoTime();
            statement.execute("SET LOCAL maintenance_work_mem = '512MB'");
            statement.execute("LOCK TABLE member IN ACCESS EXCLUSIVE MODE");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT id, tree_id, path::text FROM member WHERE sponsor_id IS NULL")) {
                if (!rs.next()) {
                    throw new IllegalStateException("No root member: the service creates it at start");
                }
                tree.rootIs(rs.getObject(1, UUID.class));
                rootTreeId = rs.getLong(2);
                rootPath = rs.getString(3);
            }
            // Reserve a tree_id range: nobody else can insert while the table is locked.
            String sequence = single(statement, "SELECT pg_get_serial_sequence('member', 'tree_id')");
            firstTreeId = Long.parseLong(single(statement, "SELECT nextval('" + sequence + "')"));
            statement.execute("SELECT setval('" + sequence + "', " + lastTreeId() + ")");

            Map<String, String> indexes = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                    WHERE x.indrelid = 'member'::regclass
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
                    ORDER BY c.relname""")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> selfKeys = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = 'member'::regclass AND confrelid = 'member'::regclass AND contype = 'f'""")) {
                while (rs.next()) {
                    selfKeys.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String index : indexes.keySet()) {
                statement.execute("DROP INDEX " + index);
            }
            for (String key : selfKeys.keySet()) {
                statement.execute("ALTER TABLE member DROP CONSTRAINT " + key);
            }
            statement.execute("ALTER TABLE member DISABLE TRIGGER member_set_path_trg");
            figures.seconds.put("prepare", seconds(t0));
            figures.details.put("indexesRebuilt", new ArrayList<>(indexes.keySet()));
            figures.details.put("indexesKeptDuringCopy", "the constraint indexes: primary key (id), unique tree_id, "
                    + "referral_code, oidc_subject");
            figures.details.put("foreignKeysRevalidated", new ArrayList<>(selfKeys.keySet()));

            copy(connection, figures);

            statement.execute("ALTER TABLE member ENABLE TRIGGER member_set_path_trg");
            Map<String, Object> perIndex = new LinkedHashMap<>();
            long tIndexes = System.nanoTime();
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                long t = System.nanoTime();
                statement.execute(index.getValue());
                perIndex.put(index.getKey(), seconds(t));
            }
            figures.seconds.put("indexBuild", seconds(tIndexes));
            figures.details.put("indexBuildSeconds", perIndex);
            long tKeys = System.nanoTime();
            for (Map.Entry<String, String> key : selfKeys.entrySet()) {
                statement.execute("ALTER TABLE member ADD CONSTRAINT " + key.getKey() + " " + key.getValue());
            }
            figures.seconds.put("foreignKeyValidation", seconds(tKeys));
            long tCommit = System.nanoTime();
            connection.commit();
            figures.seconds.put("commit", seconds(tCommit));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            throw e;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            long tVacuum = System.nanoTime();
            statement.execute("VACUUM member");
            figures.seconds.put("vacuum", seconds(tVacuum));
            long tAnalyze = System.nanoTime();
            statement.execute("ANALYZE member");
            figures.seconds.put("analyze", seconds(tAnalyze));
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return figures;
    }

    private void copy(Connection connection, LoadFigures figures) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY member (id, tree_id, email, name, phone, country, referral_code, sponsor_id, oidc_subject, status,
                             status_before_suspension, path, rank, registered_at, updated_at, version) FROM STDIN""");
        long t0 = System.nanoTime();
        long formatNanos = 0;
        long bytes = 0;
        try {
            SplittableRandom random = new SplittableRandom(tree.seed ^ 0x5DEECE66DL);
            CopyText row = new CopyText(1 << 20);
            int[] chain = new int[tree.maxDepth() + 1];
            Instant start = Instant.now().minus(Duration.ofDays(3 * 365));
            long spacingMillis = Duration.ofDays(3 * 365).toMillis() / n;
            for (int j = 1; j <= n; j++) {
                long tf = System.nanoTime();
                long treeId = treeId(j);
                row.text(id(j).toString()).tab();
                row.number(treeId).tab();
                row.text("m").number(treeId).text("@bench.example.com").tab();
                row.text(FIRST[random.nextInt(FIRST.length)]).text(" ")
                        .text(LAST[random.nextInt(LAST.length)]).tab();
                if (random.nextInt(10) < 7) {
                    row.text("+1555").number(1_000_000 + random.nextInt(9_000_000)).tab();
                } else {
                    row.text("\\N").tab();
                }
                row.text(COUNTRIES[random.nextInt(COUNTRIES.length)]).tab();
                row.text(referralCode(treeId)).tab();
                row.text(id(tree.sponsor[j]).toString()).tab();
                row.text(new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString()).tab();
                int status = random.nextInt(100);
                row.text(status < 85 ? "ACTIVE" : status < 95 ? "PENDING" : status < 98 ? "SUSPENDED" : "TERMINATED").tab();
                // A suspended member remembers the status the suspension interrupted (a table constraint).
                row.text(status >= 95 && status < 98 ? "ACTIVE" : "\\N").tab();
                // Path: the root's path, then the tree_ids from the top of the bulk tree down to the member.
                int length = 0;
                for (int p = j; p != 0; p = tree.sponsor[p]) {
                    chain[length++] = p;
                }
                row.text(rootPath);
                for (int k = length - 1; k >= 0; k--) {
                    row.text(".").number(treeId(chain[k]));
                }
                row.tab();
                int rank = random.nextInt(100);
                row.text(rank < 90 ? "MEMBER" : rank < 96 ? "BRONZE" : rank < 99 ? "SILVER" : "GOLD").tab();
                String at = start.plusMillis(j * spacingMillis + random.nextInt(1000)).toString();
                row.text(at).tab().text(at).tab();
                row.text("0").newline();
                formatNanos += System.nanoTime() - tf;
                if (row.length() > (1 << 20) - 8192) {
                    bytes += row.length();
                    copy.writeToCopy(row.buffer(), 0, row.length());
                    row.clear();
                }
            }
            bytes += row.length();
            copy.writeToCopy(row.buffer(), 0, row.length());
            long rows = copy.endCopy();
            if (rows != n) {
                throw new IllegalStateException("COPY wrote " + rows + " rows, expected " + n);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        double total = seconds(t0);
        figures.seconds.put("copy", total);
        figures.details.put("copyJavaRowFormattingSeconds", Math.round(formatNanos / 1e6) / 1e3);
        figures.details.put("copyMiB", Math.round(bytes / 1048576.0 * 10) / 10.0);
        figures.details.put("copyRowsPerSecond", Math.round(n / total));
    }

    static String referralCode(long treeId) {
        long value = Math.floorMod(treeId * CODE_MULTIPLIER + CODE_OFFSET, CODE_SPACE);
        char[] code = new char[8];
        for (int i = 7; i >= 0; i--) {
            code[i] = CODE_ALPHABET[(int) (value % CODE_ALPHABET.length)];
            value /= CODE_ALPHABET.length;
        }
        return new String(code);
    }

    /**
     * Checks every loaded row against the rule the trigger enforces (path = the sponsor's path plus the
     * member's own tree_id) and returns the depth figures as the database sees them.
     */
    Map<String, Object> verify(Connection connection) throws SQLException {
        Map<String, Object> result = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE m.path <> s.path || text2ltree(m.tree_id::text)),
                       max(nlevel(m.path)) - 1, avg(nlevel(m.path) - 1)
                FROM member m JOIN member s ON s.id = m.sponsor_id
                WHERE m.tree_id BETWEEN ? AND ?""")) {
            statement.setLong(1, firstTreeId);
            statement.setLong(2, lastTreeId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                result.put("rows", rs.getLong(1));
                result.put("pathMismatches", rs.getLong(2));
                result.put("maxDepth", rs.getInt(3));
                result.put("meanDepth", Math.round(rs.getDouble(4) * 100) / 100.0);
            }
        }
        return result;
    }

    /** Table and index sizes of member, in MiB. */
    static Map<String, Object> sizes(Connection connection) throws SQLException {
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT 'table (heap + toast)', pg_table_size('member')
                        UNION ALL
                        SELECT c.relname, pg_relation_size(c.oid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                        WHERE x.indrelid = 'member'::regclass""")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), Math.round(rs.getLong(2) / 1048576.0));
            }
        }
        return sizes;
    }

    /**
     * Removes the bulk rows. Every foreign key that references member is dropped and re-added around the
     * DELETE in one transaction (re-adding validates it, so nothing can be left dangling); otherwise each of
     * the million deleted rows would run one referential check per referencing table, several of them a
     * sequential scan (sponsor_edge has no index on member_id or sponsor_id that such a check can use).
     */
    long delete(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE member IN ACCESS EXCLUSIVE MODE");
            List<String[]> keys = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE confrelid = 'member'::regclass AND contype = 'f'""")) {
                while (rs.next()) {
                    keys.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                }
            }
            for (String[] key : keys) {
                statement.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT " + key[1]);
            }
            long deleted = statement.executeUpdate(
                    "DELETE FROM member WHERE tree_id BETWEEN " + firstTreeId + " AND " + lastTreeId());
            for (String[] key : keys) {
                statement.execute("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + key[1] + " " + key[2]);
            }
            connection.commit();
            // Fresh indexes for the rows that remain: drops the million dead entries, and any inner GiST keys
            // the depth probe's rolled-back inserts widened.
            connection.setAutoCommit(true);
            statement.execute("REINDEX TABLE member");
            statement.execute("VACUUM ANALYZE member");
            return deleted;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
    }
}
