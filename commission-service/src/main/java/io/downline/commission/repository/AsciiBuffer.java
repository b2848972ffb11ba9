package io.downline.commission.repository;

import java.util.Arrays;

/**
 * A growable buffer of ASCII text written without intermediate strings: the close's COPY rows and their event
 * payloads. Ids are written as lower-case hexadecimal UUIDs ({@code UUID.toString()}'s form) and amounts in cents
 * as plain decimals with two places ({@code BigDecimal.valueOf(cents, 2).toPlainString()}'s form).
 */
final class AsciiBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    AsciiBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** A string of ASCII characters (names, periods, ranks). */
    AsciiBuffer ascii(String value) {
        int size = value.length();
        ensure(size);
        for (int i = 0; i < size; i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    AsciiBuffer bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    AsciiBuffer character(char value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    /** The UUID of the two halves, as {@code new UUID(high, low).toString()} writes it. */
    AsciiBuffer uuid(long high, long low) {
        ensure(36);
        hex(high >>> 32, 8);
        bytes[length++] = '-';
        hex(high >>> 16, 4);
        bytes[length++] = '-';
        hex(high, 4);
        bytes[length++] = '-';
        hex(low >>> 48, 4);
        bytes[length++] = '-';
        hex(low, 12);
        return this;
    }

    AsciiBuffer digits(long value) {
        if (value < 0) {
            character('-');
            // Long.MIN_VALUE has no positive counterpart; no count or amount here comes near it
            return unsigned(-value);
        }
        return unsigned(value);
    }

    /** An amount in cents with two decimal places: 0.00, 12.34, -0.05. */
    AsciiBuffer cents(long cents) {
        if (cents < 0) {
            character('-');
            cents = -cents;
        }
        unsigned(cents / 100);
        ensure(3);
        long fraction = cents % 100;
        bytes[length++] = '.';
        bytes[length++] = (byte) ('0' + fraction / 10);
        bytes[length++] = (byte) ('0' + fraction % 10);
        return this;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    private AsciiBuffer unsigned(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = value;
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    private void hex(long value, int digits) {
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        length += digits;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
