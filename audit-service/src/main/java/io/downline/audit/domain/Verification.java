package io.downline.audit.domain;

/**
 * What a verification found over entries {@code from}..{@code to}.
 *
 * @param headHash            the hash of entry {@code to} when intact (the chain's head when the range ends there)
 * @param checkpointsChecked  signed checkpoints inside the range whose head hash and signature were checked
 * @param firstBroken         null when intact
 */
public record Verification(long from, long to, long checked, String headHash, int checkpointsChecked,
        BrokenLink firstBroken) {

    public boolean intact() {
        return firstBroken == null;
    }
}
