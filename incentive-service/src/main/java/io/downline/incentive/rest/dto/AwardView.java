package io.downline.incentive.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.incentive.domain.Award;
import io.downline.incentive.rest.dto.ProgramView.MoneyView;

/** An award: the reward of the winner's highest tier at the close, and its fulfilment. */
public record AwardView(UUID id, UUID programId, UUID memberId, int level, String tier, String rewardType,
        MoneyView cash, String item, String fulfilmentStatus, String awardedBy, Instant awardedAt, Instant updatedAt) {

    public static AwardView of(Award award, String tier) {
        return new AwardView(award.id(), award.programId(), award.memberId(), award.level(), tier,
                award.rewardType().name(), award.cash() == null ? null : new MoneyView(award.cash(), award.currency()),
                award.item(), award.fulfilment().name(), award.awardedBy(), award.awardedAt(), award.updatedAt());
    }
}
