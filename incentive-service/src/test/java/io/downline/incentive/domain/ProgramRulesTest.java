package io.downline.incentive.domain;

import static io.downline.incentive.domain.Programs.figures;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgramRulesTest {

    private final ProgramRules all = Programs.rules(Combine.ALL);
    private final ProgramRules any = Programs.rules(Combine.ANY);

    @Test
    void nothingYet() {
        Evaluation evaluation = all.evaluate(Figures.NONE);

        assertThat(evaluation.tierReached()).isZero();
        assertThat(evaluation.criteriaMet()).isZero();
        assertThat(evaluation.criteriaTotal()).isEqualTo(2);
        assertThat(evaluation.progressPercent()).isEqualByComparingTo("0");
        assertThat(evaluation.score()).isEqualByComparingTo("0");
    }

    @Test
    void withAllThePercentIsTheMeanOfTheCappedCriteriaOfTheNextTier() {
        // Bronze: PV 500 (250 = 50 %), 2 recruits (3 = capped at 100 %) -> 75 %
        Evaluation evaluation = all.evaluate(figures("250", 3));

        assertThat(evaluation.tierReached()).isZero();
        assertThat(evaluation.criteriaMet()).isEqualTo(1);
        assertThat(evaluation.progressPercent()).isEqualByComparingTo("75.00");
        assertThat(evaluation.score()).isEqualByComparingTo("75.00");
    }

    @Test
    void aReachedTierCountsAHundredAndTheNextTierBecomesTheTarget() {
        // Bronze met; Silver: PV 1000 (600 = 60 %), 2 recruits (met) -> 80 %
        Evaluation evaluation = all.evaluate(figures("600", 2));

        assertThat(evaluation.tierReached()).isEqualTo(1);
        assertThat(evaluation.criteriaMet()).isEqualTo(1);
        assertThat(evaluation.progressPercent()).isEqualByComparingTo("80.00");
        assertThat(evaluation.score()).isEqualByComparingTo("180.00");
    }

    @Test
    void theTopTierIsAHundredPercent() {
        Evaluation evaluation = all.evaluate(figures("2500", 4));

        assertThat(evaluation.tierReached()).isEqualTo(3);
        assertThat(evaluation.criteriaMet()).isEqualTo(2);
        assertThat(evaluation.progressPercent()).isEqualByComparingTo("100");
        assertThat(evaluation.score()).isEqualByComparingTo("300.00");
    }

    @Test
    void exactlyOnTheTargetMeetsIt() {
        assertThat(all.evaluate(figures("500.00", 2)).tierReached()).isEqualTo(1);
        assertThat(all.evaluate(figures("499.99", 2)).tierReached()).isZero();
    }

    @Test
    void almostThereIsNeverRoundedUpToAHundred() {
        assertThat(all.evaluate(figures("499.99", 2)).progressPercent()).isEqualByComparingTo("99.99");
    }

    @Test
    void withAnyOneCriterionIsEnoughAndThePercentIsTheBest() {
        assertThat(any.evaluate(figures("0", 2)).tierReached()).isEqualTo(2); // Bronze and Silver need 2 recruits
        Evaluation evaluation = any.evaluate(figures("100", 1));
        assertThat(evaluation.tierReached()).isZero();
        assertThat(evaluation.progressPercent()).isEqualByComparingTo("50.00");
    }

    @Test
    void aRefundBelowTheTargetLosesTheTier() {
        assertThat(all.evaluate(figures("1000", 2)).tierReached()).isEqualTo(2);
        assertThat(all.evaluate(figures("999", 2)).tierReached()).isEqualTo(1);
    }

    @Test
    void rankCriterionCountsRanksAtOrAboveTheTarget() {
        ProgramRules rules = RulesValidation.check(Programs.definition(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), "UTC", Combine.ALL, List.of(
                        new Tier(1, "Silver", List.of(Criterion.rank(Rank.SILVER)), Reward.cash(BigDecimal.TEN)),
                        new Tier(2, "Gold", List.of(Criterion.rank(Rank.GOLD)), Reward.cash(BigDecimal.TEN)))));

        assertThat(rules.evaluate(new Figures(BigDecimal.ZERO, BigDecimal.ZERO, 0, Rank.BRONZE, false)).progressPercent())
                .isEqualByComparingTo("50.00");
        assertThat(rules.evaluate(new Figures(BigDecimal.ZERO, BigDecimal.ZERO, 0, Rank.PLATINUM, false)).tierReached())
                .isEqualTo(2);
    }

    @Test
    void kycApprovalIsAllOrNothingAndAsksTheSameOfEveryTier() {
        ProgramRules rules = RulesValidation.check(Programs.definition(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), "UTC", Combine.ALL, List.of(
                        new Tier(1, "Verified seller", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "100"),
                                Criterion.kycApproved()), Reward.cash(BigDecimal.TEN)),
                        new Tier(2, "Verified star", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "200"),
                                Criterion.kycApproved()), Reward.cash(BigDecimal.TEN)))));
        Figures sold = new Figures(new BigDecimal("150"), BigDecimal.ZERO, 0, Rank.MEMBER, false);

        Evaluation unverified = rules.evaluate(sold);
        assertThat(unverified.tierReached()).isZero();
        assertThat(unverified.progressPercent()).isEqualByComparingTo("50.00"); // PV capped at 100 %, KYC 0 %
        Evaluation verified = rules.evaluate(new Figures(new BigDecimal("150"), BigDecimal.ZERO, 0, Rank.MEMBER, true));
        assertThat(verified.tierReached()).isEqualTo(1);
        assertThat(verified.progressPercent()).isEqualByComparingTo("87.50"); // (75 % + 100 %) / 2 towards tier 2
    }
}
