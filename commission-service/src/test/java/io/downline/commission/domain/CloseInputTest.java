package io.downline.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A period's PV counts from zero: refunds of earlier sales never make it, or an upline's GV, negative. */
class CloseInputTest {

    @Test
    void aPeriodWhoseRefundsExceedItsSalesCountsAsZeroPvAndLeavesTheSponsorsGroupVolumeAlone() {
        CloseInput input = new CloseInput(new long[2], new long[] { 1, 2 }, new int[] { -1, 0 },
                new long[] { 10_000, -2_500 }, new long[] { 0, -100 }, new boolean[] { true, true }, new byte[2]);

        assertThat(input.pv()).containsExactly(10_000, 0);
        assertThat(input.previousPv()).containsExactly(0, 0);
        CloseResult result = CloseComputation.compute(DefaultPlan.PLAN, input.parent(), input.pv(), input.previousPv(),
                input.active());
        assertThat(result.groupVolume()).containsExactly(10_000, 0);
    }
}
