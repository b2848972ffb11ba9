package io.downline.audit.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.ChainHash;
import io.downline.audit.domain.NewEntry;
import io.downline.audit.repository.AuditLogRepository;

/**
 * Appends a batch to the chain in one transaction. The batch first takes the chain's advisory lock, so that one
 * writer at a time (on any instance) reads the head, numbers and hashes its entries in order and inserts them;
 * the next writer sees the new head. An event already in the log (same {@code ce_id}) is skipped, also when it
 * comes twice in one batch.
 */
@ApplicationScoped
public class AuditAppender {

    private final AuditLogRepository log;
    private final Clock clock;

    public AuditAppender(AuditLogRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Appended append(List<NewEntry> batch) {
        if (batch.isEmpty()) {
            return new Appended(0, 0, 0);
        }
        AuditLogRepository.Head head = log.lockHead().orElse(new AuditLogRepository.Head(0, ChainHash.GENESIS));
        Set<UUID> known = log.existing(batch.stream().map(NewEntry::eventId).toList());
        Instant recordedAt = clock.instant();
        long seq = head.seq();
        byte[] previous = head.hash();
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        Set<UUID> taken = new HashSet<>();
        for (NewEntry event : batch) {
            if (known.contains(event.eventId()) || !taken.add(event.eventId())) {
                continue;
            }
            AuditEntry entry = AuditEntry.append(++seq, previous, event, recordedAt);
            entries.add(entry);
            previous = entry.hash();
        }
        log.insert(entries);
        return new Appended(entries.size(), batch.size() - entries.size(), seq);
    }

    /** @param head the chain's last sequence number after the batch */
    public record Appended(int appended, int duplicates, long head) {
    }
}
