package io.downline.incentive.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A program as an admin writes it (draft), before {@link RulesValidation} accepts it.
 *
 * @param timeZone   IANA zone id of the window, e.g. {@code Europe/Paris}
 * @param maxWinners null: every qualified member wins
 */
public record ProgramDefinition(String name, String description, LocalDate startDate, LocalDate endDate,
        String timeZone, Eligibility eligibility, Combine combine, List<Tier> tiers, Integer maxWinners,
        WinnerRule winnerRule) {

    public ProgramDefinition {
        tiers = List.copyOf(tiers);
    }
}
