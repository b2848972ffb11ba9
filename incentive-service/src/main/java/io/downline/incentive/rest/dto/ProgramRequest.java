package io.downline.incentive.rest.dto;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.downline.incentive.domain.Combine;
import io.downline.incentive.domain.Eligibility;
import io.downline.incentive.domain.ProgramDefinition;
import io.downline.incentive.domain.WinnerRule;

/**
 * A program's definition. The window runs from the start of {@code startDate} to the end of {@code endDate} in
 * {@code timeZone}.
 *
 * @param combine    ALL (default): every criterion of a tier must hold; ANY: one is enough
 * @param maxWinners null: every qualified member wins
 * @param winnerRule FIRST_TO_QUALIFY (default) or HIGHEST_PROGRESS: who wins when more qualify than maxWinners
 */
public record ProgramRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(min = 1, max = 2000) String description,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotBlank @Size(max = 64) String timeZone,
        @Valid EligibilityRequest eligibility,
        @Pattern(regexp = "ALL|ANY", message = "must be ALL or ANY") String combine,
        @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid TierRequest> tiers,
        @Positive Integer maxWinners,
        @Pattern(regexp = "FIRST_TO_QUALIFY|HIGHEST_PROGRESS", message = "must be FIRST_TO_QUALIFY or HIGHEST_PROGRESS") String winnerRule) {

    public ProgramDefinition toDefinition() {
        Eligibility rules = eligibility == null ? Eligibility.EVERYONE : eligibility.toEligibility();
        return new ProgramDefinition(name.strip(), description, startDate, endDate, timeZone, rules,
                combine == null ? Combine.ALL : Combine.valueOf(combine),
                tiers.stream().map(TierRequest::toTier).toList(), maxWinners,
                winnerRule == null ? WinnerRule.FIRST_TO_QUALIFY : WinnerRule.valueOf(winnerRule));
    }
}
