package io.downline.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** docs/compensation-plan.md, example 2: Sam's sale of CV 200.00 refunded in three parts. */
class ReversalTest {

    private static final BigDecimal SALE_CV = new BigDecimal("200.00");

    @Test
    void example2RefundedInThreePartsNetsEachLineToZero() {
        String[] lines = { "20.00", "10.00", "6.00", "4.00" };
        String[][] expected = {
                { "6.67", "3.33", "2.00", "1.33" },
                { "6.67", "3.33", "2.00", "1.33" },
                { "6.66", "3.34", "2.00", "1.34" } };
        String[] refunds = { "66.67", "66.67", "66.66" };
        BigDecimal[] remaining = new BigDecimal[lines.length];
        for (int l = 0; l < lines.length; l++) {
            remaining[l] = new BigDecimal(lines[l]);
        }
        BigDecimal refunded = BigDecimal.ZERO;
        for (int r = 0; r < refunds.length; r++) {
            BigDecimal refund = new BigDecimal(refunds[r]);
            refunded = refunded.add(refund);
            for (int l = 0; l < lines.length; l++) {
                BigDecimal reversal = Reversal.of(new BigDecimal(lines[l]), remaining[l], refund, SALE_CV, refunded);
                assertThat(reversal).as("refund %d, line %s", r + 1, lines[l]).isEqualByComparingTo(expected[r][l]);
                remaining[l] = remaining[l].subtract(reversal);
            }
        }
        assertThat(remaining).allSatisfy(left -> assertThat(left).isEqualByComparingTo("0.00"));
    }

    @Test
    void aRefundOfCv3750ShowsTheExactHalves() {
        String[] lines = { "20.00", "10.00", "6.00", "4.00" };
        String[] expected = { "3.75", "1.88", "1.12", "0.75" };
        for (int l = 0; l < lines.length; l++) {
            BigDecimal line = new BigDecimal(lines[l]);
            assertThat(Reversal.of(line, line, new BigDecimal("37.50"), SALE_CV, new BigDecimal("37.50")))
                    .isEqualByComparingTo(expected[l]);
        }
    }

    @Test
    void manySmallRefundsNeverReverseMoreThanTheLine() {
        BigDecimal line = new BigDecimal("0.03");
        BigDecimal remaining = line;
        BigDecimal saleCv = new BigDecimal("1.00");
        BigDecimal refunded = BigDecimal.ZERO;
        // Five refunds of 0.17 (each 0.0051 → 0.01), then the last of 0.15.
        for (int r = 0; r < 5; r++) {
            refunded = refunded.add(new BigDecimal("0.17"));
            BigDecimal reversal = Reversal.of(line, remaining, new BigDecimal("0.17"), saleCv, refunded);
            remaining = remaining.subtract(reversal);
            assertThat(remaining.signum()).isGreaterThanOrEqualTo(0);
        }
        BigDecimal last = Reversal.of(line, remaining, new BigDecimal("0.15"), saleCv, saleCv);
        assertThat(remaining.subtract(last)).isEqualByComparingTo("0.00");
    }

    @Test
    void aFullRefundAtOnceTakesTheWholeLine() {
        BigDecimal line = new BigDecimal("12.34");
        assertThat(Reversal.of(line, line, SALE_CV, SALE_CV, SALE_CV)).isEqualByComparingTo("12.34");
    }
}
