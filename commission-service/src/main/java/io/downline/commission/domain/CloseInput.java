package io.downline.commission.domain;

/**
 * A close's frozen inputs, one index per member in member-id order (PostgreSQL's uuid order: unsigned, most
 * significant half first). Volumes in cents.
 *
 * <p>A period's personal volume counts from zero: a refund lowers the PV of the period it happens in, also for a
 * sale of an earlier period, but never below zero there, and what is beyond is not carried to the next period
 * (the sale's commissions are reversed in full anyway). So a close never reports, nor adds to an upline's group
 * volume, a negative PV.
 *
 * @param previousRank the paid-as rank before this close (the last closed period before it), as {@link Rank}
 *                     ordinals
 */
public record CloseInput(long[] idHigh, long[] idLow, int[] parent, long[] pv, long[] previousPv, boolean[] active,
        byte[] previousRank) {

    public CloseInput {
        floorAtZero(pv);
        floorAtZero(previousPv);
    }

    public int size() {
        return parent.length;
    }

    private static void floorAtZero(long[] volumes) {
        for (int i = 0; i < volumes.length; i++) {
            if (volumes[i] < 0) {
                volumes[i] = 0;
            }
        }
    }
}
