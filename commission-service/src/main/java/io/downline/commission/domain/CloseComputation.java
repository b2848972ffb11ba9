package io.downline.commission.domain;

import java.util.List;

/**
 * The in-memory part of a period close (rule 10), on primitive arrays so that a million members take a fraction
 * of a second: group volume, qualified personally sponsored members, legs holding each rank, and the rank of
 * every member, computed bottom-up because a leg's rank is part of the rules above it.
 *
 * <p>Members are indexes {@code 0..n-1}; volumes are in cents. "Qualified in the period" is rule 4 read at the
 * end of the closed period: active at the close, and PV at least the qualifying volume in the period or in the one
 * before. A leg holds a rank when anybody in it reaches that rank in the same close.
 */
public final class CloseComputation {

    private CloseComputation() {
    }

    /**
     * @param parent    the sponsor's index, or -1 for the root (and for a member whose sponsor is unknown)
     * @param pv        the period's personal volume in cents, net of refunds
     * @param previousPv the previous period's personal volume in cents
     * @param active    whether the member is active at the close
     */
    public static CloseResult compute(Plan plan, int[] parent, long[] pv, long[] previousPv, boolean[] active) {
        int n = parent.length;
        int[] order = bottomUpOrder(parent);
        long qualifying = Amounts.cents(plan.qualifyingVolume());
        int rankCount = Rank.values().length;
        long[] gv = pv.clone();
        int[] qualifiedSponsored = new int[n];
        int[] legsAtLeast = new int[n * rankCount];
        byte[] subtreeBest = new byte[n];
        byte[] rank = new byte[n];
        RankThresholds thresholds = new RankThresholds(plan.ranks());
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            byte r = thresholds.rankOf(pv[i], gv[i], qualifiedSponsored[i], legsAtLeast, i * rankCount);
            rank[i] = r;
            if (r > subtreeBest[i]) {
                subtreeBest[i] = r;
            }
            int p = parent[i];
            if (p >= 0) {
                gv[p] += gv[i];
                if (active[i] && (pv[i] >= qualifying || previousPv[i] >= qualifying)) {
                    qualifiedSponsored[p]++;
                }
                int base = p * rankCount;
                for (int level = 0; level <= subtreeBest[i]; level++) {
                    legsAtLeast[base + level]++;
                }
                if (subtreeBest[i] > subtreeBest[p]) {
                    subtreeBest[p] = subtreeBest[i];
                }
            }
        }
        return new CloseResult(gv, qualifiedSponsored, rank);
    }

    /**
     * Every member after all of their downline: the reverse of a breadth-first order from the roots. Members
     * unreachable from a root (a sponsor cycle, which the tree never has) are left out.
     */
    static int[] bottomUpOrder(int[] parent) {
        int n = parent.length;
        int[] childStart = new int[n + 1];
        for (int p : parent) {
            if (p >= 0) {
                childStart[p + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        int[] fill = childStart.clone();
        int[] children = new int[childStart[n]];
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                children[fill[parent[i]]++] = i;
            }
        }
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int m = queue[head];
            for (int c = childStart[m]; c < childStart[m + 1]; c++) {
                queue[tail++] = children[c];
            }
        }
        int[] order = new int[tail];
        for (int k = 0; k < tail; k++) {
            order[k] = queue[tail - 1 - k];
        }
        return order;
    }

    /** The plan's rank rules as primitive thresholds, highest rank first. */
    private static final class RankThresholds {
        private final byte[] rank;
        private final long[] pv;
        private final long[] gv;
        private final int[] qualified;
        private final int[] legs;
        private final int[] legRank;
        private final byte base;

        RankThresholds(List<RankRule> rules) {
            int size = rules.size();
            rank = new byte[size];
            pv = new long[size];
            gv = new long[size];
            qualified = new int[size];
            legs = new int[size];
            legRank = new int[size];
            for (int k = 0; k < size; k++) {
                RankRule rule = rules.get(size - 1 - k);
                rank[k] = (byte) rule.rank().ordinal();
                pv[k] = Amounts.cents(rule.personalVolume());
                gv[k] = Amounts.cents(rule.groupVolume());
                qualified[k] = rule.qualifiedSponsored();
                legs[k] = rule.legs();
                legRank[k] = rule.legRank() == null ? 0 : rule.legRank().ordinal();
            }
            base = (byte) rules.get(0).rank().ordinal();
        }

        byte rankOf(long memberPv, long memberGv, int memberQualified, int[] legsAtLeast, int offset) {
            for (int k = 0; k < rank.length; k++) {
                if (memberPv >= pv[k] && memberGv >= gv[k] && memberQualified >= qualified[k]
                        && (legs[k] == 0 || legsAtLeast[offset + legRank[k]] >= legs[k])) {
                    return rank[k];
                }
            }
            return base;
        }
    }
}
