package io.downline.commission.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows to one table through PostgreSQL's COPY protocol, in text format, flushed in chunks of about a megabyte.
 * Values must not contain a tab, a newline or a backslash (ids, numbers, ranks and our JSON payloads do not).
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private byte[] buffer = new byte[CHUNK + 4096];
    private int length;
    private long rows;
    private boolean closed;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    CopyWriter value(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length + 1);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        buffer[length++] = '\t';
        return this;
    }

    CopyWriter nullValue() {
        return value("\\N");
    }

    void endRow() throws SQLException {
        buffer[length - 1] = '\n';
        rows++;
        if (length >= CHUNK) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
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
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
        }
        copy.endCopy();
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
