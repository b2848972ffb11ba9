package io.downline.commission.domain;

/**
 * The figures of a close per member index: group volume in cents, qualified personally sponsored members, and the
 * rank's ordinal ({@link Rank}).
 */
public record CloseResult(long[] groupVolume, int[] qualifiedSponsored, byte[] rank) {

    public Rank rankOf(int member) {
        return Rank.values()[rank[member]];
    }
}
