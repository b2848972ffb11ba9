package io.downline.audit.rest;

import io.downline.audit.domain.BrokenLink;
import io.downline.audit.domain.Verification;

/**
 * {@code INTACT} with the hash of the range's last entry, or {@code BROKEN} with the first entry whose link does
 * not hold.
 */
public record VerificationView(String status, long from, long to, long checked, String headHash,
        int checkpointsChecked, BrokenLinkView firstBroken) {

    public static VerificationView of(Verification verification) {
        BrokenLink broken = verification.firstBroken();
        return new VerificationView(verification.intact() ? "INTACT" : "BROKEN", verification.from(), verification.to(),
                verification.checked(), verification.headHash(), verification.checkpointsChecked(),
                broken == null ? null : new BrokenLinkView(broken.seq(), broken.reason().name(), broken.detail()));
    }

    /** @param reason HASH_MISMATCH, LINK_MISMATCH, MISSING or CHECKPOINT_MISMATCH */
    public record BrokenLinkView(long seq, String reason, String detail) {
    }
}
