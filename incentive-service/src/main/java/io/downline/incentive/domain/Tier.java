package io.downline.incentive.domain;

import java.util.List;

/**
 * One level of a program (bronze, silver, gold...): its criteria and its reward.
 *
 * @param level 1 for the lowest tier, each next tier asks more
 */
public record Tier(int level, String name, List<Criterion> criteria, Reward reward) {

    public Tier {
        criteria = List.copyOf(criteria);
    }

    public boolean isMetBy(Figures figures, Combine combine) {
        return combine == Combine.ALL ? criteria.stream().allMatch(c -> c.isMetBy(figures))
                : criteria.stream().anyMatch(c -> c.isMetBy(figures));
    }

    public int criteriaMet(Figures figures) {
        return (int) criteria.stream().filter(c -> c.isMetBy(figures)).count();
    }
}
