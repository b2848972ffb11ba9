package io.downline.incentive.domain;

import java.util.Arrays;
import java.util.Optional;

/** The plan's paid-as ranks, lowest first: the order is what "at least" means. */
public enum Rank {
    MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND;

    public static Optional<Rank> find(String name) {
        return Arrays.stream(values()).filter(rank -> rank.name().equals(name)).findFirst();
    }

    public boolean atLeast(Rank other) {
        return compareTo(other) >= 0;
    }

    public static Rank higher(Rank a, Rank b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
