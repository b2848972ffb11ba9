package io.downline.incentive.domain;

import static io.downline.incentive.domain.Programs.BRONZE;
import static io.downline.incentive.domain.Programs.GOLD;
import static io.downline.incentive.domain.Programs.SILVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.BusinessRuleException;

class RulesValidationTest {

    @Test
    void acceptsOrderedTiersAndNumbersThemFromOne() {
        ProgramRules rules = RulesValidation.check(Programs.definition(List.of(BRONZE, SILVER, GOLD)));

        assertThat(rules.tiers()).extracting(Tier::level).containsExactly(1, 2, 3);
        assertThat(rules.window().startsAt()).hasToString("2026-09-30T22:00:00Z");
        assertThat(rules.window().endsAt()).hasToString("2026-12-31T23:00:00Z");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertRefused(Programs.definition(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30), "UTC", Combine.ALL,
                List.of(BRONZE)), "endDate", "ends");
    }

    @Test
    void aOneDayWindowIsFine() {
        ProgramRules rules = RulesValidation.check(Programs.definition(LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), "UTC", Combine.ALL, List.of(BRONZE)));
        assertThat(rules.window().endsAt()).hasToString("2026-12-02T00:00:00Z");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertRefused(Programs.definition(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1), "Mars/Olympus",
                Combine.ALL, List.of(BRONZE)), "timeZone", "Unknown time zone");
    }

    @Test
    void refusesTiersOutOfOrder() {
        assertRefused(Programs.definition(List.of(SILVER, BRONZE)), "tiers[1]", "asks less PERSONAL_VOLUME");
    }

    @Test
    void refusesATierThatAsksNothingMore() {
        Tier same = new Tier(2, "Same", BRONZE.criteria(), Reward.cash(new BigDecimal("1.00")));
        assertRefused(Programs.definition(List.of(BRONZE, same)), "tiers[1]", "asks no more");
    }

    @Test
    void refusesTiersWithDifferentCriteria() {
        Tier other = new Tier(2, "Other", List.of(Criterion.of(Metric.GROUP_VOLUME, "5000")),
                Reward.cash(new BigDecimal("1.00")));
        assertRefused(Programs.definition(List.of(BRONZE, other)), "tiers[1].criteria", "same criteria");
    }

    @Test
    void refusesNegativeAndZeroTargets() {
        for (String target : new String[] { "-1", "0" }) {
            Tier tier = new Tier(1, "T", List.of(Criterion.of(Metric.PERSONAL_VOLUME, target)),
                    Reward.cash(BigDecimal.TEN));
            assertRefused(Programs.definition(List.of(tier)), "tiers[0].criteria[0].target", "greater than zero");
        }
    }

    @Test
    void refusesAFractionOfAMember() {
        Tier tier = new Tier(1, "T", List.of(Criterion.of(Metric.NEW_PERSONALLY_SPONSORED, "1.5")),
                Reward.cash(BigDecimal.TEN));
        assertRefused(Programs.definition(List.of(tier)), "tiers[0].criteria[0].target", "whole number");
    }

    @Test
    void refusesARankCriterionWithoutRankAndAVolumeWithoutTarget() {
        Tier noRank = new Tier(1, "T", List.of(new Criterion(Metric.RANK_REACHED, null, null)), Reward.cash(BigDecimal.TEN));
        assertRefused(Programs.definition(List.of(noRank)), "tiers[0].criteria[0]", "takes a rank");
        Tier noTarget = new Tier(1, "T", List.of(new Criterion(Metric.GROUP_VOLUME, null, null)), Reward.cash(BigDecimal.TEN));
        assertRefused(Programs.definition(List.of(noTarget)), "tiers[0].criteria[0]", "takes a target");
    }

    @Test
    void refusesAKycCriterionWithATargetOrARank() {
        Tier target = new Tier(1, "T", List.of(new Criterion(Metric.KYC_APPROVED, BigDecimal.ONE, null)),
                Reward.cash(BigDecimal.TEN));
        assertRefused(Programs.definition(List.of(target)), "tiers[0].criteria[0]", "neither a target nor a rank");
        Tier rank = new Tier(1, "T", List.of(new Criterion(Metric.KYC_APPROVED, null, Rank.GOLD)),
                Reward.cash(BigDecimal.TEN));
        assertRefused(Programs.definition(List.of(rank)), "tiers[0].criteria[0]", "neither a target nor a rank");
    }

    @Test
    void refusesRewardsThatDoNotFitTheirType() {
        Tier cashless = new Tier(1, "T", BRONZE.criteria(), new Reward(RewardType.CASH, null, null));
        assertRefused(Programs.definition(List.of(cashless)), "tiers[0].reward", "CASH");
        Tier subCent = new Tier(1, "T", BRONZE.criteria(), Reward.cash(new BigDecimal("0.001")));
        assertRefused(Programs.definition(List.of(subCent)), "tiers[0].reward", "two decimals");
        Tier nothing = new Tier(1, "T", BRONZE.criteria(), new Reward(RewardType.ITEM, null, " "));
        assertRefused(Programs.definition(List.of(nothing)), "tiers[0].reward", "ITEM");
    }

    @Test
    void refusesDuplicateTierNamesAndTooManyTiers() {
        Tier silverNamedBronze = new Tier(2, "Bronze", SILVER.criteria(), SILVER.reward());
        assertRefused(Programs.definition(List.of(BRONZE, silverNamedBronze)), "tiers[1].name", "unique");
        assertRefused(Programs.definition(List.of()), "tiers", "1 to 5");
    }

    private static void assertRefused(ProgramDefinition definition, String field, String message) {
        assertThatThrownBy(() -> RulesValidation.check(definition))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.field()).contains(field))
                .hasMessageContaining(message);
    }
}
