package io.downline.incentive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    private final Window window = new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
            ZoneId.of("Europe/Lisbon"));
    private final Eligibility rule = new Eligibility(Rank.BRONZE, Set.of("PT", "ES"), LocalDate.of(2026, 10, 1));
    private final Instant september = Instant.parse("2026-09-15T10:00:00Z");

    @Test
    void admitsAMemberWhoFitsEveryRule() {
        assertThat(rule.admits(new MemberStanding("PT", september, Rank.SILVER, true), window)).isTrue();
    }

    @Test
    void refusesEachBrokenRule() {
        assertThat(rule.admits(new MemberStanding("PT", september, Rank.MEMBER, true), window)).isFalse();
        assertThat(rule.admits(new MemberStanding("FR", september, Rank.GOLD, true), window)).isFalse();
        assertThat(rule.admits(new MemberStanding("PT", september, Rank.GOLD, false), window)).isFalse();
        // Lisbon is UTC+1 on 1 October: 23:30 UTC on 30 September is already 1 October there.
        assertThat(rule.admits(new MemberStanding("PT", Instant.parse("2026-09-30T23:30:00Z"), Rank.GOLD, true),
                window)).isFalse();
        assertThat(rule.admits(new MemberStanding("PT", Instant.parse("2026-09-30T22:59:59Z"), Rank.GOLD, true),
                window)).isTrue();
    }

    @Test
    void everyoneInGoodStandingByDefault() {
        assertThat(Eligibility.EVERYONE.admits(new MemberStanding("JP", Instant.EPOCH, Rank.MEMBER, true), window))
                .isTrue();
    }
}
