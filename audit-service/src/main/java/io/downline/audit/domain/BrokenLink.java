package io.downline.audit.domain;

/**
 * The first place where the chain does not hold.
 *
 * @param seq    the entry (or, for {@link Reason#CHECKPOINT_MISMATCH}, the checkpoint's entry count)
 * @param reason what is wrong there
 * @param detail for people: what was expected and what was found
 */
public record BrokenLink(long seq, Reason reason, String detail) {

    public enum Reason {
        /** the entry's content no longer gives its stored hash: the entry was changed */
        HASH_MISMATCH,
        /** the entry's previous hash is not the previous entry's hash: an entry before it was changed, removed or inserted */
        LINK_MISMATCH,
        /** there is no entry with this sequence number: it was removed */
        MISSING,
        /** a signed checkpoint names another head hash at this entry count, or its signature does not verify */
        CHECKPOINT_MISMATCH
    }
}
