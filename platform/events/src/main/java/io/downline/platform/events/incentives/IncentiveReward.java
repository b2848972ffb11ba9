package io.downline.platform.events.incentives;

import io.downline.platform.events.Money;

/**
 * What a member who qualifies for an incentive program is awarded.
 *
 * @param type CASH: credited to the wallet; ITEM: fulfilled by the company; one of CASH, ITEM
 * @param cash only for CASH; nullable
 * @param item what is fulfilled; only for ITEM; nullable
 */
public record IncentiveReward(String type, Money cash, String item) {
}
