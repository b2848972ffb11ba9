package io.downline.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** docs/compensation-plan.md, example 3: the close of May 2026 for Ana and her four legs. */
class CloseComputationTest {

    // Index: 0 root, 1 Ana, 2 Ben, 3 Ben-1, 4 Ben-2, 5 Ben-3, 6 Chloé, 7 Chloé-1, 8 Dev, 9 Eli, 10 Eli-1
    private static final int[] PARENT = { -1, 0, 1, 2, 2, 2, 1, 6, 1, 1, 9 };
    private static final long[] PV = cents(0, 150, 120, 500, 450, 80, 60, 3000, 40, 90, 700);

    @Test
    void example3GivesAnaGold() {
        CloseResult result = close(PV);

        assertThat(result.rankOf(3)).isEqualTo(Rank.BRONZE);
        assertThat(result.rankOf(5)).isEqualTo(Rank.MEMBER);
        assertThat(result.rankOf(2)).isEqualTo(Rank.SILVER);
        assertThat(result.groupVolume()[2]).isEqualTo(115_000);
        assertThat(result.qualifiedSponsored()[2]).isEqualTo(3);
        assertThat(result.rankOf(7)).isEqualTo(Rank.BRONZE);
        assertThat(result.rankOf(6)).isEqualTo(Rank.MEMBER);
        assertThat(result.groupVolume()[6]).isEqualTo(306_000);
        assertThat(result.rankOf(8)).isEqualTo(Rank.MEMBER);
        assertThat(result.rankOf(9)).isEqualTo(Rank.MEMBER);
        assertThat(result.groupVolume()[9]).isEqualTo(79_000);

        assertThat(result.groupVolume()[1]).isEqualTo(519_000);
        assertThat(result.qualifiedSponsored()[1]).isEqualTo(3);
        assertThat(result.rankOf(1)).isEqualTo(Rank.GOLD);
    }

    @Test
    void withEliAt40AnaDropsToSilver() {
        long[] pv = PV.clone();
        pv[9] = 4_000;
        CloseResult result = close(pv);

        assertThat(result.groupVolume()[1]).isEqualTo(514_000);
        assertThat(result.qualifiedSponsored()[1]).isEqualTo(2);
        assertThat(result.rankOf(1)).isEqualTo(Rank.SILVER);
    }

    @Test
    void withChloeAt100ChloeIsBronzeAndAnaStaysGold() {
        long[] pv = PV.clone();
        pv[6] = 10_000;
        CloseResult result = close(pv);

        assertThat(result.rankOf(6)).isEqualTo(Rank.BRONZE);
        assertThat(result.rankOf(1)).isEqualTo(Rank.GOLD);
    }

    @Test
    void legsHoldTheRankOfAnybodyInThemForPlatinumAndDiamond() {
        // 0 root, 1 top (PV 200); the legs of 2 and 3 (both MEMBER) each hold a GOLD one level further down
        // (PV 100, three qualified personally sponsored, GV 15,100): two legs at SILVER or higher, not three at GOLD.
        int[] parent = { -1, 0, 1, 1, 2, 3, 4, 4, 4, 5, 5, 5 };
        long[] pv = cents(0, 200, 0, 0, 100, 100, 5000, 5000, 5000, 5000, 5000, 5000);
        CloseResult result = close(parent, pv, new long[parent.length]);

        assertThat(result.rankOf(2)).isEqualTo(Rank.MEMBER);
        assertThat(result.rankOf(4)).isEqualTo(Rank.GOLD);
        assertThat(result.rankOf(5)).isEqualTo(Rank.GOLD);
        assertThat(result.groupVolume()[1]).isEqualTo(3_040_000);
        assertThat(result.rankOf(1)).isEqualTo(Rank.PLATINUM);
    }

    @Test
    void previousPeriodVolumeQualifiesAPersonallySponsoredMember() {
        long[] previous = new long[PV.length];
        previous[8] = 5_000; // Dev had 50 in April
        CloseResult result = close(PARENT, PV, previous);

        assertThat(result.qualifiedSponsored()[1]).isEqualTo(4);
    }

    @Test
    void membersAfterTheirWholeDownline() {
        int[] order = CloseComputation.bottomUpOrder(PARENT);
        int[] position = new int[PARENT.length];
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
        }
        assertThat(order).hasSize(PARENT.length);
        for (int i = 1; i < PARENT.length; i++) {
            assertThat(position[i]).isLessThan(position[PARENT[i]]);
        }
    }

    private static CloseResult close(long[] pv) {
        return close(PARENT, pv, new long[pv.length]);
    }

    private static CloseResult close(int[] parent, long[] pv, long[] previous) {
        boolean[] active = new boolean[parent.length];
        Arrays.fill(active, true);
        return CloseComputation.compute(DefaultPlan.PLAN, parent, pv, previous, active);
    }

    private static long[] cents(long... units) {
        return Arrays.stream(units).map(u -> u * 100).toArray();
    }
}
