package io.downline.audit.domain;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Checks a run of entries, in sequence order, and keeps the first broken link: the sequence has no gap, every
 * entry's content gives its stored hash, and every entry's previous hash is the stored hash of the entry before.
 * A run that starts at the beginning of a range is anchored on the hash before it; a run that starts in the
 * middle (one of several read side by side) takes its first previous hash as given, and the caller stitches the
 * runs together with {@link #firstPrevHash()} and {@link #lastHash()}.
 */
public final class ChainVerifier {

    private long expectedSeq;
    private byte[] expectedPrev;
    private byte[] firstPrev;
    private byte[] lastHash;
    private long checked;
    private BrokenLink broken;

    /** @param anchor the hash the first entry must link to; null to take the first entry's previous hash as given */
    public ChainVerifier(long fromSeq, byte[] anchor) {
        this.expectedSeq = fromSeq;
        this.expectedPrev = anchor;
    }

    /** Checks the next entry; false once the chain is broken (later entries are then not looked at). */
    public boolean accept(AuditEntry entry) {
        if (broken != null) {
            return false;
        }
        if (entry.seq() != expectedSeq) {
            broken = new BrokenLink(expectedSeq, BrokenLink.Reason.MISSING,
                    "entry " + expectedSeq + " is missing (the next entry is " + entry.seq() + ")");
            return false;
        }
        byte[] recomputed = ChainHash.of(entry);
        if (!MessageDigest.isEqual(recomputed, entry.hash())) {
            broken = new BrokenLink(entry.seq(), BrokenLink.Reason.HASH_MISMATCH, "stored hash " + Hex.of(entry.hash())
                    + ", the entry's content gives " + Hex.of(recomputed));
            return false;
        }
        if (expectedPrev == null) {
            firstPrev = entry.prevHash();
        } else if (!MessageDigest.isEqual(expectedPrev, entry.prevHash())) {
            broken = new BrokenLink(entry.seq(), BrokenLink.Reason.LINK_MISMATCH, "previous hash "
                    + Hex.of(entry.prevHash()) + ", the previous entry's hash is " + Hex.of(expectedPrev));
            return false;
        } else if (firstPrev == null) {
            firstPrev = entry.prevHash();
        }
        expectedPrev = entry.hash();
        lastHash = entry.hash();
        expectedSeq++;
        checked++;
        return true;
    }

    /** After the last entry: an entry that should have been there up to {@code toSeq} and was not is missing. */
    public void end(long toSeq) {
        if (broken == null && expectedSeq <= toSeq) {
            broken = new BrokenLink(expectedSeq, BrokenLink.Reason.MISSING, "entry " + expectedSeq + " is missing");
        }
    }

    public BrokenLink broken() {
        return broken;
    }

    public long checked() {
        return checked;
    }

    public byte[] firstPrevHash() {
        return firstPrev == null ? null : Arrays.copyOf(firstPrev, firstPrev.length);
    }

    public byte[] lastHash() {
        return lastHash;
    }
}
