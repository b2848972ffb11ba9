package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The frozen rules of a program: the engine evaluates a member's figures against them. Built only from rules that
 * passed {@link RulesValidation}.
 */
public record ProgramRules(Window window, Eligibility eligibility, Combine combine, List<Tier> tiers,
        Integer maxWinners, WinnerRule winnerRule) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ProgramRules {
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::level)).toList();
    }

    public Tier tier(int level) {
        return tiers.get(level - 1);
    }

    /**
     * Tiers are ordered (each asks at least as much as the one below on every criterion), so the tiers a member
     * meets are the lowest ones: the first tier not met ends the count. With ALL, the percent is the mean of the
     * target tier's criteria, each capped at 100 %; with ANY, the best of them.
     */
    public Evaluation evaluate(Figures figures) {
        int reached = 0;
        while (reached < tiers.size() && tiers.get(reached).isMetBy(figures, combine)) {
            reached++;
        }
        Tier target = tiers.get(Math.min(reached, tiers.size() - 1));
        BigDecimal percent = reached == tiers.size() ? HUNDRED : percentTowards(target, figures);
        BigDecimal score = HUNDRED.multiply(BigDecimal.valueOf(reached))
                .add(reached == tiers.size() ? BigDecimal.ZERO : percent).setScale(2, RoundingMode.HALF_EVEN);
        return new Evaluation(reached, target.criteriaMet(figures), target.criteria().size(), percent, score);
    }

    private BigDecimal percentTowards(Tier tier, Figures figures) {
        List<BigDecimal> fractions = tier.criteria().stream().map(c -> c.fraction(figures)).toList();
        BigDecimal fraction = combine == Combine.ALL
                ? fractions.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(fractions.size()), 6, RoundingMode.HALF_EVEN)
                : fractions.stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        BigDecimal percent = fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
        // Not reached means below 100 %, even where rounding would say otherwise.
        return percent.min(new BigDecimal("99.99"));
    }
}
