package io.downline.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request": SHA-256 of method, path with query, and body. A
 * {@code multipart/form-data} body is hashed without its boundary, which clients pick at random for every
 * attempt, so that a retried upload is recognised as the same request.
 */
final class RequestFingerprint {

    /** Bodies up to this size stay in memory; larger ones (uploads) are copied to a temporary file. */
    static final int IN_MEMORY_LIMIT = 64 * 1024;

    private RequestFingerprint() {
    }

    /** The fingerprint, and the body again for the endpoint to read. */
    record Read(String fingerprint, InputStream body) {
    }

    /**
     * Reads the body to its end, hashing it on the way (without {@code multipartBoundary} when not null), and
     * returns a stream that gives it again: from memory when small, else from a temporary file deleted when the
     * stream is closed. Memory stays bounded whatever the body's size.
     */
    static Read read(String method, String pathAndQuery, InputStream in, String multipartBoundary) throws IOException {
        BoundaryStrippingDigest digest = new BoundaryStrippingDigest(sha256(method, pathAndQuery),
                multipartBoundary == null ? null : multipartBoundary.getBytes(StandardCharsets.ISO_8859_1));
        byte[] head = in.readNBytes(IN_MEMORY_LIMIT + 1);
        digest.update(head, head.length);
        if (head.length <= IN_MEMORY_LIMIT) {
            return new Read(digest.finish(), new ByteArrayInputStream(head));
        }
        Path spool = Files.createTempFile("idempotent-body-", ".tmp");
        try (OutputStream out = Files.newOutputStream(spool)) {
            out.write(head);
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return new Read(digest.finish(), Files.newInputStream(spool, StandardOpenOption.DELETE_ON_CLOSE));
    }

    private static MessageDigest sha256(String method, String pathAndQuery) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + ' ' + pathAndQuery + '\n').getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Hashes a stream with every occurrence of a pattern left out (Knuth-Morris-Pratt, one byte at a time). */
    static final class BoundaryStrippingDigest {

        private final MessageDigest digest;
        private final byte[] pattern;
        private final int[] failure;
        // What passes through is collected and hashed 8 KiB at a time: a digest call per byte costs ten times more.
        private final byte[] pending = new byte[8192];
        private int pendingLength;
        private int matched;

        BoundaryStrippingDigest(MessageDigest digest, byte[] pattern) {
            this.digest = digest;
            this.pattern = pattern == null || pattern.length == 0 ? null : pattern;
            this.failure = this.pattern == null ? null : failure(this.pattern);
        }

        void update(byte[] bytes, int length) {
            if (pattern == null) {
                digest.update(bytes, 0, length);
                return;
            }
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                while (matched > 0 && b != pattern[matched]) {
                    int fallback = failure[matched - 1];
                    for (int k = 0; k < matched - fallback; k++) {
                        pass(pattern[k]);
                    }
                    matched = fallback;
                }
                if (b == pattern[matched]) {
                    matched++;
                    if (matched == pattern.length) {
                        matched = 0;
                    }
                } else {
                    pass(b);
                }
            }
        }

        String finish() {
            if (pattern != null) {
                digest.update(pending, 0, pendingLength);
                digest.update(pattern, 0, matched);
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private void pass(byte b) {
            if (pendingLength == pending.length) {
                digest.update(pending, 0, pendingLength);
                pendingLength = 0;
            }
            pending[pendingLength++] = b;
        }

        private static int[] failure(byte[] pattern) {
            int[] failure = new int[pattern.length];
            for (int i = 1, k = 0; i < pattern.length; i++) {
                while (k > 0 && pattern[i] != pattern[k]) {
                    k = failure[k - 1];
                }
                if (pattern[i] == pattern[k]) {
                    k++;
                }
                failure[i] = k;
            }
            return failure;
        }
    }
}
