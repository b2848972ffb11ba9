package io.downline.incentive.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Applies a program's maximum number of winners to its qualified members, by the program's stated rule. Without
 * a maximum, everyone qualified wins.
 */
public final class WinnerCap {

    private static final Comparator<Candidate> FIRST_TO_QUALIFY = Comparator.comparing(Candidate::qualifiedAt)
            .thenComparing(Candidate::memberId);
    private static final Comparator<Candidate> HIGHEST_PROGRESS = Comparator.comparing(Candidate::score).reversed()
            .thenComparing(Candidate::scoreSince)
            .thenComparing(Candidate::memberId);

    private WinnerCap() {
    }

    public static List<Candidate> winners(List<Candidate> qualified, Integer maxWinners, WinnerRule rule) {
        Comparator<Candidate> order = rule == WinnerRule.FIRST_TO_QUALIFY ? FIRST_TO_QUALIFY : HIGHEST_PROGRESS;
        return qualified.stream().sorted(order)
                .limit(maxWinners == null ? Long.MAX_VALUE : maxWinners)
                .toList();
    }
}
