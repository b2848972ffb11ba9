package io.downline.platform.testing.bench;

import java.util.Arrays;

/**
 * A growable ASCII buffer of rows in PostgreSQL's COPY text format, for bulk loads through the COPY protocol
 * ({@code CopyIn.writeToCopy(buffer(), 0, length())}). ASCII only, and no value may need escaping.
 */
public final class CopyText {

    private byte[] buffer;
    private int length;

    public CopyText(int capacity) {
        buffer = new byte[capacity];
    }

    public CopyText text(String value) {
        int size = value.length();
        ensure(size);
        for (int i = 0; i < size; i++) {
            buffer[length++] = (byte) value.charAt(i); // ASCII only
        }
        return this;
    }

    public CopyText number(long value) {
        return text(Long.toString(value));
    }

    public CopyText tab() {
        ensure(1);
        buffer[length++] = '\t';
        return this;
    }

    public CopyText newline() {
        ensure(1);
        buffer[length++] = '\n';
        return this;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
