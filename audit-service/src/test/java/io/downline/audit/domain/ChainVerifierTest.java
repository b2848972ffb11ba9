package io.downline.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        byte[] previous = ChainHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            NewEntry event = new NewEntry(UUID.randomUUID(), "order.completed", "shop", "order-" + seq, null,
                    Instant.parse("2026-05-10T09:00:00Z"), null, null, "{\"n\":" + seq + "}");
            AuditEntry entry = AuditEntry.append(seq, previous, event, Instant.parse("2026-05-10T09:00:01Z"));
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static BrokenLink verify(List<AuditEntry> entries, long to) {
        ChainVerifier verifier = new ChainVerifier(1, ChainHash.GENESIS);
        entries.forEach(verifier::accept);
        verifier.end(to);
        return verifier.broken();
    }

    private static AuditEntry withPayload(AuditEntry e, String payload, boolean rehash) {
        AuditEntry changed = new AuditEntry(e.seq(), e.eventId(), e.type(), e.source(), e.subject(), e.actor(),
                e.occurredAt(), e.recordedAt(), e.traceId(), e.dataSchema(), payload, e.prevHash(), e.hash());
        return rehash ? new AuditEntry(e.seq(), e.eventId(), e.type(), e.source(), e.subject(), e.actor(), e.occurredAt(),
                e.recordedAt(), e.traceId(), e.dataSchema(), payload, e.prevHash(), ChainHash.of(changed)) : changed;
    }

    @Test
    void anIntactChainEndsAtItsHead() {
        List<AuditEntry> entries = chain(5);
        ChainVerifier verifier = new ChainVerifier(1, ChainHash.GENESIS);
        entries.forEach(verifier::accept);
        verifier.end(5);

        assertThat(verifier.broken()).isNull();
        assertThat(verifier.checked()).isEqualTo(5);
        assertThat(verifier.lastHash()).isEqualTo(entries.get(4).hash());
    }

    @Test
    void aChangedEntryIsNamedByItsOwnHash() {
        List<AuditEntry> entries = chain(5);
        entries.set(2, withPayload(entries.get(2), "{\"n\":4}", false));

        BrokenLink broken = verify(entries, 5);

        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.HASH_MISMATCH);
    }

    @Test
    void aChangedAndRehashedEntryBreaksTheNextLink() {
        List<AuditEntry> entries = chain(5);
        entries.set(2, withPayload(entries.get(2), "{\"n\":4}", true));

        BrokenLink broken = verify(entries, 5);

        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.LINK_MISMATCH);
    }

    @Test
    void aRemovedEntryIsMissing() {
        List<AuditEntry> entries = chain(5);
        entries.remove(2);

        assertThat(verify(entries, 5)).isEqualTo(new BrokenLink(3, BrokenLink.Reason.MISSING,
                "entry 3 is missing (the next entry is 4)"));
    }

    @Test
    void aRemovedTailIsMissingToo() {
        List<AuditEntry> entries = chain(5);
        entries.remove(4);

        assertThat(verify(entries, 5).seq()).isEqualTo(5);
    }

    @Test
    void aPartStartingInTheMiddleReportsItsFirstLinkForStitching() {
        List<AuditEntry> entries = chain(6);
        ChainVerifier second = new ChainVerifier(4, null);
        entries.subList(3, 6).forEach(second::accept);

        assertThat(second.broken()).isNull();
        assertThat(second.firstPrevHash()).isEqualTo(entries.get(2).hash());
    }

    @Test
    void theFirstEntryMustLinkToZeroes() {
        List<AuditEntry> entries = chain(1);
        ChainVerifier verifier = new ChainVerifier(1, new byte[] { 1 });
        verifier.accept(entries.get(0));

        assertThat(verifier.broken().reason()).isEqualTo(BrokenLink.Reason.LINK_MISMATCH);
    }
}
