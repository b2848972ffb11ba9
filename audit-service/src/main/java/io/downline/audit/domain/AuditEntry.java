package io.downline.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the log. {@code hash = SHA-256(prevHash || UTF-8(canonical form))}, see {@link ChainHash}.
 *
 * @param payload the payload's RFC 8785 canonical form
 */
public record AuditEntry(long seq, UUID eventId, String type, String source, String subject, String actor,
        Instant occurredAt, Instant recordedAt, String traceId, String dataSchema, String payload, byte[] prevHash,
        byte[] hash) {

    /** The entry that follows {@code previousHash} at {@code seq}, with its hash computed. */
    public static AuditEntry append(long seq, byte[] previousHash, NewEntry entry, Instant recordedAt) {
        AuditEntry unhashed = new AuditEntry(seq, entry.eventId(), entry.type(), entry.source(), entry.subject(),
                entry.actor(), EntryTime.truncate(entry.occurredAt()), EntryTime.truncate(recordedAt),
                entry.traceId(), entry.dataSchema(), entry.payload(), previousHash, null);
        return unhashed.withHash(ChainHash.of(unhashed));
    }

    private AuditEntry withHash(byte[] computed) {
        return new AuditEntry(seq, eventId, type, source, subject, actor, occurredAt, recordedAt, traceId, dataSchema,
                payload, prevHash, computed);
    }
}
