package io.downline.commission.domain;

/**
 * A close's frozen inputs, one index per member in member-id order (PostgreSQL's uuid order: unsigned, most
 * significant half first). Volumes in cents.
 *
 * @param previousRank the paid-as rank before this close (the last closed period before it), as {@link Rank}
 *                     ordinals
 */
public record CloseInput(long[] idHigh, long[] idLow, int[] parent, long[] pv, long[] previousPv, boolean[] active,
        byte[] previousRank) {

    public int size() {
        return parent.length;
    }
}
