package io.downline.commission.domain;

/**
 * The ranks a plan may name, lowest first. The event catalogue enumerates the same names, so a plan cannot
 * invent others; a plan chooses which of them it uses, their rules and the depth each is paid.
 */
public enum Rank {
    MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND;

    public boolean atLeast(Rank other) {
        return ordinal() >= other.ordinal();
    }
}
