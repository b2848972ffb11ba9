package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A winner's award: the reward of the highest tier they held at the close.
 *
 * @param cash     for CASH, with {@code currency}; null for ITEM
 * @param item     for ITEM; null for CASH
 */
public record Award(UUID id, UUID programId, UUID memberId, int level, RewardType rewardType, BigDecimal cash,
        String currency, String item, FulfilmentStatus fulfilment, String awardedBy, Instant awardedAt,
        Instant updatedAt) {
}
