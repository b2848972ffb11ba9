package io.downline.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chain's arithmetic (README "Chain format"):
 * <pre>
 * canonical(entry) = JCS({actor, dataSchema, eventId, occurredAt, payload, recordedAt, seq, source, subject, traceId, type})
 * hash(entry)      = SHA-256(prevHash || UTF-8(canonical(entry)))      prevHash of entry 1 = 32 zero bytes
 * </pre>
 */
public final class ChainHash {

    public static final int LENGTH = 32;
    public static final byte[] GENESIS = new byte[LENGTH];

    private ChainHash() {
    }

    public static byte[] of(AuditEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(entry.prevHash());
        sha256.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }

    /** The entry's RFC 8785 form: its members in code-point order (all ASCII names), the payload canonical already. */
    public static String canonical(AuditEntry entry) {
        return write(entry, false);
    }

    /**
     * An export line: the canonical form with {@code hash} and {@code prevHash} (hex) added in their sorted places,
     * itself canonical. A verifier removes the two and recomputes.
     */
    public static String exportLine(AuditEntry entry) {
        return write(entry, true);
    }

    private static String write(AuditEntry entry, boolean withHashes) {
        StringBuilder out = new StringBuilder(400 + entry.payload().length());
        out.append("{\"actor\":");
        Jcs.string(out, entry.actor());
        out.append(",\"dataSchema\":");
        Jcs.string(out, entry.dataSchema());
        out.append(",\"eventId\":");
        Jcs.string(out, entry.eventId().toString());
        if (withHashes) {
            out.append(",\"hash\":\"").append(Hex.of(entry.hash())).append('"');
        }
        EntryTime.append(out.append(",\"occurredAt\":\""), entry.occurredAt()).append('"');
        out.append(",\"payload\":").append(entry.payload());
        if (withHashes) {
            out.append(",\"prevHash\":\"").append(Hex.of(entry.prevHash())).append('"');
        }
        EntryTime.append(out.append(",\"recordedAt\":\""), entry.recordedAt()).append('"');
        out.append(",\"seq\":").append(entry.seq());
        out.append(",\"source\":");
        Jcs.string(out, entry.source());
        out.append(",\"subject\":");
        Jcs.string(out, entry.subject());
        out.append(",\"traceId\":");
        Jcs.string(out, entry.traceId());
        out.append(",\"type\":");
        Jcs.string(out, entry.type());
        return out.append('}').toString();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
