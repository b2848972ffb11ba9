package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one event changes in a member's figures of one program.
 *
 * @param highestRank the new highest rank reached in the window, or null to keep it
 * @param kycApproved the member's KYC approval as it now stands, or null to keep it
 */
public record FigureChange(UUID programId, BigDecimal personalVolume, BigDecimal groupVolume, int newSponsored,
        Rank highestRank, Boolean kycApproved) {

    /** Whether the change takes something away. */
    public boolean lowers() {
        return personalVolume.signum() < 0 || groupVolume.signum() < 0 || newSponsored < 0;
    }

    public static FigureChange personalVolume(UUID programId, BigDecimal delta) {
        return new FigureChange(programId, delta, BigDecimal.ZERO, 0, null, null);
    }

    public static FigureChange groupVolume(UUID programId, BigDecimal delta) {
        return new FigureChange(programId, BigDecimal.ZERO, delta, 0, null, null);
    }

    public static FigureChange recruit(UUID programId) {
        return new FigureChange(programId, BigDecimal.ZERO, BigDecimal.ZERO, 1, null, null);
    }

    public static FigureChange rank(UUID programId, Rank highest) {
        return new FigureChange(programId, BigDecimal.ZERO, BigDecimal.ZERO, 0, highest, null);
    }

    public static FigureChange kyc(UUID programId, boolean approved) {
        return new FigureChange(programId, BigDecimal.ZERO, BigDecimal.ZERO, 0, null, approved);
    }
}
