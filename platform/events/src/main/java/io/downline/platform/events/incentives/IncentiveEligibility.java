package io.downline.platform.events.incentives;

import java.util.List;

/**
 * Who may take part in an incentive program.
 *
 * @param minimumRank lowest paid-as rank that may take part; null: any rank; one of MEMBER, BRONZE, SILVER, GOLD,
 *        PLATINUM, DIAMOND
 * @param countries ISO 3166-1 alpha-2 codes of the members' countries; empty: every country
 */
public record IncentiveEligibility(String minimumRank, List<String> countries) {
}
