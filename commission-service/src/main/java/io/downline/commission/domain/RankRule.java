package io.downline.commission.domain;

import java.math.BigDecimal;

/**
 * What a rank needs at period close, and how many levels deep it is paid.
 *
 * @param legs     how many legs (a personally sponsored member with their whole downline) must hold
 *                 {@code legRank} or higher; 0 when the rank has no leg rule
 * @param legRank  null when {@code legs} is 0
 */
public record RankRule(Rank rank, int paysLevels, BigDecimal personalVolume, BigDecimal groupVolume,
        int qualifiedSponsored, int legs, Rank legRank) {
}
