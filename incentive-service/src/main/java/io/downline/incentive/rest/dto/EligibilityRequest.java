package io.downline.incentive.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.downline.incentive.domain.Eligibility;
import io.downline.incentive.domain.Rank;

/**
 * Who may take part.
 *
 * @param minimumRank  lowest current paid-as rank; null: any
 * @param countries    ISO 3166-1 alpha-2 codes; empty or null: every country
 * @param joinedBefore members registered before the start of this date (program's time zone); null: anyone
 */
public record EligibilityRequest(
        @Pattern(regexp = Validation.RANK, message = Validation.RANK_MESSAGE) String minimumRank,
        @Size(max = 250) List<@NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code, e.g. US") String> countries,
        LocalDate joinedBefore) {

    Eligibility toEligibility() {
        return new Eligibility(minimumRank == null ? null : Rank.valueOf(minimumRank),
                countries == null ? Set.of() : Set.copyOf(countries), joinedBefore);
    }
}
