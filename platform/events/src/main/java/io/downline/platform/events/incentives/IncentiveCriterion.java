package io.downline.platform.events.incentives;

import java.math.BigDecimal;

/**
 * One criterion of an incentive program, measured over the program's window; a member qualifies when every
 * criterion holds.
 *
 * @param metric one of PERSONAL_VOLUME, GROUP_VOLUME, NEW_PERSONALLY_SPONSORED, RANK_REACHED
 * @param target the volume or member count to reach; null for RANK_REACHED
 * @param rank the paid-as rank to reach; only for RANK_REACHED; one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM,
 *        DIAMOND; nullable
 */
public record IncentiveCriterion(String metric, BigDecimal target, String rank) {
}
