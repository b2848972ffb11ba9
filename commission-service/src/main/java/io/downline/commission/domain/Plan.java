package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A commission plan, validated (see {@link PlanDocument}). Levels are 1-based: {@code rates.get(0)} is level 1.
 *
 * @param qualifyingVolume the personal volume in the current or the previous period that makes an active
 *                         member qualified
 * @param ranks            lowest first; the first has no requirements and is every member's rank by default
 * @param holdDays         how long a line stays pending before it is released
 * @param payoutCap        the largest share of a sale's CV its lines may sum to (0.21 is 21 %)
 */
public record Plan(String currency, List<BigDecimal> rates, BigDecimal qualifyingVolume, List<RankRule> ranks,
        int holdDays, BigDecimal payoutCap) {

    public Plan {
        rates = List.copyOf(rates);
        ranks = List.copyOf(ranks);
    }

    public int levels() {
        return rates.size();
    }

    public BigDecimal rate(int level) {
        return rates.get(level - 1);
    }

    /**
     * How many levels a paid-as rank is paid. A rank this plan does not list (a member ranked under an older
     * plan) is paid as the highest rank of this plan below it.
     */
    public int paysLevels(Rank rank) {
        int depth = ranks.get(0).paysLevels();
        for (RankRule rule : ranks) {
            if (rule.rank().ordinal() <= rank.ordinal()) {
                depth = rule.paysLevels();
            }
        }
        return depth;
    }

    public Rank baseRank() {
        return ranks.get(0).rank();
    }
}
