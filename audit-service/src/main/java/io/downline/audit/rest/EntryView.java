package io.downline.audit.rest;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.EntryTime;
import io.downline.audit.domain.Hex;

/**
 * An entry as the chain hashes it (times with six decimals, the payload in its canonical form), with its hashes in
 * hex: enough to recompute {@code hash} by hand (README "Chain format").
 */
public record EntryView(long seq, UUID eventId, String type, String source, String subject, String actor,
        String occurredAt, String recordedAt, String traceId, String dataSchema, @JsonRawValue String payload,
        String prevHash, String hash) {

    public static EntryView of(AuditEntry entry) {
        return new EntryView(entry.seq(), entry.eventId(), entry.type(), entry.source(), entry.subject(), entry.actor(),
                EntryTime.format(entry.occurredAt()), EntryTime.format(entry.recordedAt()), entry.traceId(),
                entry.dataSchema(), entry.payload(), Hex.of(entry.prevHash()), Hex.of(entry.hash()));
    }
}
