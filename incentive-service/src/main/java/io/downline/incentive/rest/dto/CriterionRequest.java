package io.downline.incentive.rest.dto;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.Metric;
import io.downline.incentive.domain.Rank;

/**
 * @param target a volume (decimal string) or a number of members; not for RANK_REACHED nor KYC_APPROVED
 * @param rank   only for RANK_REACHED
 */
public record CriterionRequest(
        @NotNull @Pattern(regexp = Validation.METRIC, message = Validation.METRIC_MESSAGE) String metric,
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal target,
        @Pattern(regexp = Validation.RANK, message = Validation.RANK_MESSAGE) String rank) {

    Criterion toCriterion() {
        return new Criterion(Metric.valueOf(metric), target, rank == null ? null : Rank.valueOf(rank));
    }
}
