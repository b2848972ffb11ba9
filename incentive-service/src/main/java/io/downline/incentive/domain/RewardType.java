package io.downline.incentive.domain;

/** CASH is credited to the wallet by payout-service; an ITEM (a trip, a car) is fulfilled by the company. */
public enum RewardType {
    CASH, ITEM
}
