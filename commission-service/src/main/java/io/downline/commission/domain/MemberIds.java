package io.downline.commission.domain;

import java.util.UUID;

/** Member ids as two longs, ordered as PostgreSQL orders uuid (unsigned bytes, most significant first). */
public final class MemberIds {

    private MemberIds() {
    }

    public static int compare(long highA, long lowA, long highB, long lowB) {
        int high = Long.compareUnsigned(highA, highB);
        return high != 0 ? high : Long.compareUnsigned(lowA, lowB);
    }

    /** The index of the id in the sorted arrays, or -1. */
    public static int indexOf(long[] high, long[] low, UUID id) {
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        int from = 0;
        int to = high.length - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int c = compare(high[mid], low[mid], h, l);
            if (c < 0) {
                from = mid + 1;
            } else if (c > 0) {
                to = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
