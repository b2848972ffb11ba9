package io.downline.incentive.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Who may take part.
 *
 * @param minimumRank  lowest current paid-as rank; null: any
 * @param countries    ISO 3166-1 alpha-2 codes; empty: every country
 * @param joinedBefore members registered before the start of this date (program's time zone); null: anyone
 */
public record Eligibility(Rank minimumRank, Set<String> countries, LocalDate joinedBefore) {

    public static final Eligibility EVERYONE = new Eligibility(null, Set.of(), null);

    public Eligibility {
        countries = Set.copyOf(countries);
    }

    /** Suspended and terminated members take part in nothing. */
    public boolean admits(MemberStanding member, Window window) {
        return member.goodStanding()
                && (minimumRank == null || member.rank().atLeast(minimumRank))
                && (countries.isEmpty() || countries.contains(member.country()))
                && (joinedBefore == null || window.before(member.registeredAt(), joinedBefore));
    }
}
