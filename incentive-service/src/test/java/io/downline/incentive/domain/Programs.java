package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Small program definitions for the domain tests. */
final class Programs {

    static final Tier BRONZE = new Tier(1, "Bronze", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "500"),
            Criterion.of(Metric.NEW_PERSONALLY_SPONSORED, "2")), Reward.cash(new BigDecimal("100.00")));
    static final Tier SILVER = new Tier(2, "Silver", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "1000"),
            Criterion.of(Metric.NEW_PERSONALLY_SPONSORED, "2")), Reward.cash(new BigDecimal("250.00")));
    static final Tier GOLD = new Tier(3, "Gold", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "2000"),
            Criterion.of(Metric.NEW_PERSONALLY_SPONSORED, "4")), Reward.item("Weekend in Porto for two"));

    private Programs() {
    }

    static ProgramDefinition definition(List<Tier> tiers) {
        return definition(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "Europe/Paris", Combine.ALL, tiers);
    }

    static ProgramDefinition definition(LocalDate start, LocalDate end, String zone, Combine combine, List<Tier> tiers) {
        return new ProgramDefinition("Q4 sprint", null, start, end, zone, Eligibility.EVERYONE, combine, tiers, null,
                WinnerRule.FIRST_TO_QUALIFY);
    }

    static ProgramRules rules(Combine combine) {
        return RulesValidation.check(definition(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                "Europe/Paris", combine, List.of(BRONZE, SILVER, GOLD)));
    }

    static Figures figures(String pv, int sponsored) {
        return new Figures(new BigDecimal(pv), BigDecimal.ZERO, sponsored, Rank.MEMBER, false);
    }
}
