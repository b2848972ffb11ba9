package io.downline.commission.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bulk load into tables without their indexes, primary and unique keys and foreign keys (those on the tables and
 * those pointing at them), which are dropped first and built again afterwards from their own definitions
 * ({@code pg_get_constraintdef}, {@code pg_get_indexdef}): one sort per index instead of ten million random
 * insertions, one anti-join per foreign key instead of a trigger per row. Meant to run inside one transaction, so
 * that a failed load leaves the schema as it was (DDL is transactional in PostgreSQL).
 */
final class IndexFreeLoad {

    private static final String FOREIGN_KEYS = """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY({tables}) OR confrelid = ANY({tables})) ORDER BY conname""";
    private static final String KEYS = """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY({tables}) ORDER BY conname""";
    private static final String INDEXES = """
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = ANY({tables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY i.indexrelid""";

    private final List<String> rebuild = new ArrayList<>();

    private IndexFreeLoad() {
    }

    /** Drops the tables' indexes and keys (and the foreign keys that point at them); returns what rebuilds them. */
    static IndexFreeLoad drop(Statement statement, String... tables) throws SQLException {
        String array = "ARRAY[" + String.join(", ", Arrays.stream(tables).map(t -> "'" + t + "'::regclass").toList())
                + "]";
        IndexFreeLoad load = new IndexFreeLoad();
        List<String[]> foreignKeys = load.definitions(statement, FOREIGN_KEYS.replace("{tables}", array));
        List<String[]> keys = load.definitions(statement, KEYS.replace("{tables}", array));
        List<String[]> indexes = load.definitions(statement, INDEXES.replace("{tables}", array));
        for (List<String[]> group : List.of(foreignKeys, keys, indexes)) {
            for (String[] definition : group) {
                statement.execute(definition[0]);
            }
        }
        for (List<String[]> group : List.of(indexes, keys, foreignKeys)) {
            for (String[] definition : group) {
                load.rebuild.add(definition[1]);
            }
        }
        return load;
    }

    /** Builds every dropped index and key again (indexes, then keys, then the foreign keys, which need them). */
    void rebuild(Statement statement) throws SQLException {
        for (String definition : rebuild) {
            statement.execute(definition);
        }
    }

    private List<String[]> definitions(Statement statement, String sql) throws SQLException {
        List<String[]> definitions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                definitions.add(new String[] { rows.getString(1), rows.getString(2) });
            }
        }
        return definitions;
    }
}
