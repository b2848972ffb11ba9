package io.downline.incentive.rest.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.downline.incentive.domain.Tier;

/** One tier, lowest first: every tier measures the same criteria, each asking at least as much as the one before. */
public record TierRequest(
        @NotBlank @Size(max = 50) String name,
        @NotNull @Size(min = 1, max = 4) List<@NotNull @Valid CriterionRequest> criteria,
        @NotNull @Valid RewardRequest reward) {

    Tier toTier() {
        return new Tier(0, name.strip(), criteria.stream().map(CriterionRequest::toCriterion).toList(),
                reward.toReward());
    }
}
