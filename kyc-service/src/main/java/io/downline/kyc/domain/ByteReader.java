package io.downline.kyc.domain;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Big-endian reading of a file through one 64 KiB buffer, without the per-byte locking of the JDK's buffered
 * streams: the format checks read a few bytes at a time and scan long runs byte by byte.
 */
final class ByteReader {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    ByteReader(InputStream in) {
        this.in = in;
    }

    int u8() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException();
        }
        return buffer[position++] & 0xFF;
    }

    int u16() throws IOException {
        return u8() << 8 | u8();
    }

    int s32() throws IOException {
        return u16() << 16 | u16();
    }

    /**
     * Skips to the next 0xFF byte and consumes it; returns how many bytes were skipped before it.
     * {@link EOFException} when the file ends first.
     */
    long skipToFF() throws IOException {
        long skipped = 0;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == (byte) 0xFF) {
                    skipped += i - position;
                    position = i + 1;
                    return skipped;
                }
            }
            skipped += limit - position;
            position = limit;
            if (!fill()) {
                throw new EOFException();
            }
        }
    }

    /** Gives the next up to {@code max} bytes to {@code sink} in place (valid during the call); the count. */
    int next(int max, Sink sink) throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException();
        }
        int n = Math.min(max, limit - position);
        sink.accept(buffer, position, n);
        position += n;
        return n;
    }

    void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            left -= next((int) Math.min(left, Integer.MAX_VALUE), (b, off, len) -> { });
        }
    }

    boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @FunctionalInterface
    interface Sink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }
}
