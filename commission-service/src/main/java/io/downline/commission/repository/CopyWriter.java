package io.downline.commission.repository;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows to one table through PostgreSQL's COPY protocol, in text format, written straight into a buffer that is
 * flushed in chunks of about a megabyte while the server is already storing the rows before. Values must not
 * contain a tab, a newline or a backslash (ids, numbers, ranks and the close's JSON payloads do not).
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final AsciiBuffer row = new AsciiBuffer(CHUNK + 4096);
    private long rows;
    private boolean closed;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    /** Where the current row's values are written; {@link #next()} separates them. */
    AsciiBuffer out() {
        return row;
    }

    /** Ends a value: the next one follows. */
    AsciiBuffer next() {
        return row.character('\t');
    }

    AsciiBuffer nullValue() {
        return row.ascii("\\N");
    }

    void endRow() throws SQLException {
        row.character('\n');
        rows++;
        if (row.length() >= CHUNK) {
            copy.writeToCopy(row.array(), 0, row.length());
            row.clear();
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; a second call does nothing. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (row.length() > 0) {
            copy.writeToCopy(row.array(), 0, row.length());
        }
        copy.endCopy();
    }
}
