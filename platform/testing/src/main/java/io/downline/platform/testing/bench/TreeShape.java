package io.downline.platform.testing.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated sponsor tree of {@code n} members below a root (position 0), in flat arrays: a benchmark of any
 * service that keeps a tree (genealogy, commission projections) loads it into its own tables.
 *
 * <p>The shape: member {@code j} (1-based, in join order; position 0 is the root) is sponsored by
 * <ul>
 * <li>with probability {@link #LEG_SHARE}, the current tip of one of {@link #LEGS} "deep legs" (a chain of
 * people each recruiting the next; the new member becomes the tip) — this makes the deep end;</li>
 * <li>otherwise, with probability {@link #RECENT_SHARE}, one of the most recent joiners (offset back from
 * {@code j} geometric with mean {@link #RECENT_MEAN}) — people recruit soon after joining;</li>
 * <li>otherwise a member drawn from the whole history with a bias towards recent ones
 * ({@code j - 1 - floor(j * U^2)}).</li>
 * </ul>
 * With one million members this gives a mean depth of about 33 and a maximum of about 190; seeded, so every
 * run builds the same tree, with version-4 UUIDs per position drawn from the same seed.
 */
public final class TreeShape {

    public static final double LEG_SHARE = 0.0004;
    public static final int LEGS = 2;
    public static final double RECENT_SHARE = 0.5;
    public static final double RECENT_MEAN = 20;
    public static final double HISTORY_BIAS = 2.0;

    public final int n;
    public final long seed;
    /** Sponsor position of each position (position 0 = the root, which has none). */
    public final int[] sponsor;
    /** Depth of each position: the root is at 0. */
    public final short[] depth;
    /** Size of the subtree of each position, the position included. */
    public final int[] subtree;
    private final long[] msb;
    private final long[] lsb;

    private TreeShape(int n, long seed) {
        this.n = n;
        this.seed = seed;
        this.sponsor = new int[n + 1];
        this.depth = new short[n + 1];
        this.subtree = new int[n + 1];
        this.msb = new long[n + 1];
        this.lsb = new long[n + 1];
    }

    /** The tree's structure and ids. */
    public static TreeShape generate(int n, long seed) {
        TreeShape tree = new TreeShape(n, seed);
        SplittableRandom random = new SplittableRandom(seed);
        double logRecent = Math.log(1 - 1 / RECENT_MEAN);
        int[] tips = new int[LEGS];
        tree.sponsor[0] = -1;
        for (int j = 1; j <= n; j++) {
            int s;
            if (random.nextDouble() < LEG_SHARE) {
                int leg = random.nextInt(LEGS);
                s = tips[leg];
                tips[leg] = j;
            } else if (random.nextDouble() < RECENT_SHARE) {
                int back = (int) Math.min(j - 1, (long) (Math.log(1 - random.nextDouble()) / logRecent));
                s = j - 1 - back;
            } else {
                int back = (int) (j * Math.pow(random.nextDouble(), HISTORY_BIAS));
                s = j - 1 - Math.min(back, j - 1);
            }
            tree.sponsor[j] = s;
            int d = tree.depth[s] + 1;
            if (d > Short.MAX_VALUE) {
                throw new IllegalStateException("depth overflow");
            }
            tree.depth[j] = (short) d;
        }
        for (int j = 0; j <= n; j++) {
            tree.subtree[j] = 1;
        }
        for (int j = n; j >= 1; j--) {
            tree.subtree[tree.sponsor[j]] += tree.subtree[j];
        }
        for (int j = 1; j <= n; j++) {
            // Version-4 UUIDs from the seeded generator: random like the service's, reproducible per seed.
            tree.msb[j] = (random.nextLong() & ~0xF000L) | 0x4000L;
            tree.lsb[j] = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        }
        return tree;
    }

    /** Gives position 0 the id of the real root, which exists before the tree is loaded below it. */
    public void rootIs(UUID rootId) {
        msb[0] = rootId.getMostSignificantBits();
        lsb[0] = rootId.getLeastSignificantBits();
    }

    public UUID id(int position) {
        return new UUID(msb[position], lsb[position]);
    }

    /** Descendants of the position (its subtree without itself). */
    public long descendants(int position) {
        return subtree[position] - 1L;
    }

    /** The bulk position whose downline is closest to {@code size} members. */
    public int closestDownline(long size) {
        int best = 1;
        for (int j = 1; j <= n; j++) {
            if (Math.abs(descendants(j) - size) < Math.abs(descendants(best) - size)) {
                best = j;
            }
        }
        return best;
    }

    /** The {@code count} deepest bulk positions, deepest first. */
    public List<Integer> deepest(int count) {
        int max = maxDepth();
        int[] perDepth = new int[max + 1];
        for (int j = 1; j <= n; j++) {
            perDepth[depth[j]]++;
        }
        int threshold = max;
        int taken = perDepth[max];
        while (taken < count && threshold > 1) {
            threshold--;
            taken += perDepth[threshold];
        }
        List<Integer> positions = new ArrayList<>();
        for (int d = max; d >= threshold && positions.size() < count; d--) {
            for (int j = 1; j <= n && positions.size() < count; j++) {
                if (depth[j] == d) {
                    positions.add(j);
                }
            }
        }
        return positions;
    }

    public int maxDepth() {
        int max = 0;
        for (int j = 1; j <= n; j++) {
            max = Math.max(max, depth[j]);
        }
        return max;
    }

    /** Depth distribution of the bulk members (the root excluded). */
    public Map<String, Object> depthFigures() {
        int max = maxDepth();
        long[] perDepth = new long[max + 1];
        long sum = 0;
        for (int j = 1; j <= n; j++) {
            perDepth[depth[j]]++;
            sum += depth[j];
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("max", max);
        figures.put("mean", Math.round(sum * 100.0 / n) / 100.0);
        figures.put("p50", percentile(perDepth, 0.50));
        figures.put("p90", percentile(perDepth, 0.90));
        figures.put("p99", percentile(perDepth, 0.99));
        figures.put("p99_9", percentile(perDepth, 0.999));
        long deep = 0;
        for (int d = 100; d <= max; d++) {
            deep += perDepth[d];
        }
        figures.put("membersAtDepth100OrMore", deep);
        int rootChildren = 0;
        for (int j = 1; j <= n; j++) {
            if (sponsor[j] == 0) {
                rootChildren++;
            }
        }
        figures.put("personallySponsoredByRoot", rootChildren);
        return figures;
    }

    private int percentile(long[] perDepth, double q) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int d = 0; d < perDepth.length; d++) {
            seen += perDepth[d];
            if (seen >= rank) {
                return d;
            }
        }
        return perDepth.length - 1;
    }

    public Map<String, Object> shape() {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("members", n);
        shape.put("seed", seed);
        shape.put("model", "sponsor of the j-th joiner: p=" + LEG_SHARE + " tip of one of " + LEGS
                + " deep legs; else p=" + RECENT_SHARE + " a recent joiner (offset geometric, mean " + RECENT_MEAN
                + "); else j-1-floor(j*U^" + HISTORY_BIAS + ") (whole history, biased to recent)");
        return shape;
    }
}
