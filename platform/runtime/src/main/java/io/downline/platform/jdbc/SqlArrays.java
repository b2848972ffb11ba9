package io.downline.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * Array parameters of set-based statements ({@code unnest(?::uuid[], ?::numeric[])}), written as PostgreSQL array
 * literals and bound untyped, so that the statement's cast reads them. pgjdbc's {@code createArrayOf} writes the
 * same text but quotes every element and scans it character by character for characters to escape: in the
 * commission and incentive benchmarks that was a sixth to a quarter of the consumer thread's CPU. Here an element
 * that cannot hold such a character (a number, a UUID, a boolean, an instant) is written as it is, and only text is
 * quoted and escaped.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * Binds {@code values} as the array parameter {@code index}, untyped: the statement says its type, by a cast
     * ({@code unnest(?::uuid[])}) or by what it is compared with ({@code member_id = ANY (?)}).
     */
    public static void bind(PreparedStatement statement, int index, Collection<?> values) throws SQLException {
        statement.setObject(index, literal(values), Types.OTHER);
    }

    public static void bind(PreparedStatement statement, int index, Object[] values) throws SQLException {
        bind(statement, index, Arrays.asList(values));
    }

    /**
     * The array literal of {@code values}: {@code NULL} for a null element; numbers, UUIDs, booleans and instants
     * (ISO-8601, as {@code timestamptz} reads them) as they print; text, enum names and other java.time values (in
     * ISO-8601) quoted. Any other element is refused: its {@code toString} is no value PostgreSQL would read.
     */
    public static String literal(Collection<?> values) {
        StringBuilder literal = new StringBuilder(2 + values.size() * 40).append('{');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            append(literal, value);
        }
        return literal.append('}').toString();
    }

    private static void append(StringBuilder literal, Object value) {
        if (value == null) {
            literal.append("NULL");
        } else if (value instanceof Number || value instanceof UUID || value instanceof Boolean
                || value instanceof Instant || value instanceof OffsetDateTime) {
            literal.append(value);
        } else if (value instanceof Enum<?> e) {
            quoted(literal, e.name());
        } else if (value instanceof CharSequence || value instanceof TemporalAccessor) {
            quoted(literal, value.toString());
        } else {
            throw new IllegalArgumentException("No SQL array element for a " + value.getClass().getName());
        }
    }

    private static void quoted(StringBuilder literal, String text) {
        literal.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
        }
        literal.append('"');
    }
}
