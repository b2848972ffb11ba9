package io.downline.incentive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class WinnerCapTest {

    private final Instant t0 = Instant.parse("2026-10-05T10:00:00Z");
    private final Candidate early = candidate("00000000-0000-0000-0000-000000000001", 1, t0, "100", t0);
    private final Candidate best = candidate("00000000-0000-0000-0000-000000000002", 3, t0.plusSeconds(60), "300",
            t0.plusSeconds(60));
    private final Candidate late = candidate("00000000-0000-0000-0000-000000000003", 2, t0.plusSeconds(120), "200",
            t0.plusSeconds(120));
    private final Candidate tiedWithBestLater = candidate("00000000-0000-0000-0000-000000000004", 3,
            t0.plusSeconds(90), "300", t0.plusSeconds(90));

    @Test
    void firstToQualifyTakesTheEarliest() {
        assertThat(WinnerCap.winners(List.of(late, best, early), 2, WinnerRule.FIRST_TO_QUALIFY))
                .containsExactly(early, best);
    }

    @Test
    void highestProgressTakesTheBestScoresAndBreaksTiesByTime() {
        assertThat(WinnerCap.winners(List.of(early, tiedWithBestLater, late, best), 2, WinnerRule.HIGHEST_PROGRESS))
                .containsExactly(best, tiedWithBestLater);
    }

    @Test
    void withoutAMaximumEveryoneWins() {
        assertThat(WinnerCap.winners(List.of(late, best, early), null, WinnerRule.HIGHEST_PROGRESS)).hasSize(3);
    }

    private static Candidate candidate(String id, int tier, Instant qualifiedAt, String score, Instant since) {
        return new Candidate(UUID.fromString(id), tier, qualifiedAt, new BigDecimal(score), since);
    }
}
