package io.downline.incentive.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgramRules;
import io.downline.incentive.domain.Tier;

/** A program with its rules. {@code startsAt}/{@code endsAt}: the window in UTC instants (end exclusive). */
public record ProgramView(UUID id, String name, String description, String status, LocalDate startDate,
        LocalDate endDate, String timeZone, Instant startsAt, Instant endsAt, EligibilityView eligibility,
        String combine, List<TierView> tiers, Integer maxWinners, String winnerRule, Instant publishedAt,
        Instant closedAt, Instant awardedAt) {

    public record EligibilityView(String minimumRank, List<String> countries, LocalDate joinedBefore) {
    }

    public record TierView(int level, String name, List<CriterionView> criteria, RewardView reward) {
    }

    public record CriterionView(String metric, BigDecimal target, String rank) {

        static CriterionView of(Criterion criterion) {
            return new CriterionView(criterion.metric().name(), criterion.target(),
                    criterion.rank() == null ? null : criterion.rank().name());
        }
    }

    /** @param cash for CASH, with its currency */
    public record RewardView(String type, MoneyView cash, String item) {
    }

    public record MoneyView(BigDecimal amount, String currency) {
    }

    public static ProgramView of(Program program, String currency) {
        ProgramRules rules = program.rules();
        return new ProgramView(program.id(), program.name(), program.description(), program.status().name(),
                rules.window().startDate(), rules.window().endDate(), rules.window().zone().getId(),
                rules.window().startsAt(), rules.window().endsAt(),
                new EligibilityView(rules.eligibility().minimumRank() == null ? null
                        : rules.eligibility().minimumRank().name(),
                        rules.eligibility().countries().stream().sorted().toList(), rules.eligibility().joinedBefore()),
                rules.combine().name(), rules.tiers().stream().map(t -> tier(t, currency)).toList(), rules.maxWinners(),
                rules.winnerRule().name(), program.publishedAt(), program.closedAt(), program.awardedAt());
    }

    static TierView tier(Tier tier, String currency) {
        return new TierView(tier.level(), tier.name(), tier.criteria().stream().map(CriterionView::of).toList(),
                new RewardView(tier.reward().type().name(),
                        tier.reward().cash() == null ? null : new MoneyView(tier.reward().cash(), currency),
                        tier.reward().item()));
    }
}
