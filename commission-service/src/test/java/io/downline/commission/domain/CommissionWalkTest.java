package io.downline.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** docs/compensation-plan.md, example 1, worked by hand, and the rounding and cap rules around it. */
class CommissionWalkTest {

    static final UUID ANA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final UUID CHLOE = UUID.randomUUID();
    static final UUID DEV = UUID.randomUUID();
    static final UUID ELI = UUID.randomUUID();
    static final UUID FAY = UUID.randomUUID();

    /** Sam's upline on 10 May 2026, in the order of the walk (the root is not part of it). */
    static List<UplineMember> example1Upline() {
        return List.of(
                up(1, ANA, "80.00", "0.00", Rank.SILVER),
                up(2, BEN, "30.00", "45.00", Rank.SILVER),
                up(3, CHLOE, "0.00", "120.00", Rank.GOLD),
                up(4, DEV, "75.00", "60.00", Rank.MEMBER),
                up(5, ELI, "55.00", "10.00", Rank.BRONZE),
                up(6, FAY, "210.00", "300.00", Rank.SILVER));
    }

    @Test
    void example1PaysAnaChloeEliAndFayAndSkipsBenAndDev() {
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("200.00"), example1Upline());

        assertThat(walk.lines()).extracting(PaidLine::level, PaidLine::beneficiaryId, PaidLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, ANA, new BigDecimal("20.00")),
                        org.assertj.core.groups.Tuple.tuple(2, CHLOE, new BigDecimal("10.00")),
                        org.assertj.core.groups.Tuple.tuple(3, ELI, new BigDecimal("6.00")),
                        org.assertj.core.groups.Tuple.tuple(4, FAY, new BigDecimal("4.00")));
        assertThat(walk.skips()).extracting(Skip::memberId, Skip::level, Skip::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BEN, 2, "not qualified"),
                        org.assertj.core.groups.Tuple.tuple(DEV, 3, "rank pays 2 levels"));
        assertThat(walk.paid()).isEqualByComparingTo("40.00");
        assertThat(walk.breakage()).isEqualByComparingTo("2.00");
        assertThat(walk.capped()).isEqualByComparingTo("0.00");
        assertThat(walk.lines().get(1).rule()).isEqualTo(
                "level 2 at 5 %: qualified: PV 120.00 last period ≥ 50.00; GOLD pays 5 levels");
        assertThat(walk.skips().get(0).detail())
                .isEqualTo("PV 30.00 this period and 45.00 last period, both below 50.00");
    }

    @Test
    void example1WithCv12345RoundsEachLineHalfEven() {
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("123.45"), example1Upline());

        assertThat(walk.lines()).extracting(PaidLine::amount).containsExactly(
                new BigDecimal("12.34"), new BigDecimal("6.17"), new BigDecimal("3.70"), new BigDecimal("2.47"));
        assertThat(walk.breakage()).isEqualByComparingTo("1.23");
    }

    @Test
    void devWouldBePaidOnASaleOneLevelCloserToHim() {
        // Ben sells: Chloé is level 1, Dev level 2 (MEMBER pays 2), Eli level 3, Fay level 4.
        List<UplineMember> fromBen = example1Upline().subList(2, 6);
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("100.00"), fromBen);

        assertThat(walk.lines()).extracting(PaidLine::beneficiaryId).containsExactly(CHLOE, DEV, ELI, FAY);
        assertThat(walk.skips()).isEmpty();
    }

    @Test
    void anInactiveUplineIsNotQualifiedWhateverTheirVolume() {
        List<UplineMember> upline = List.of(new UplineMember(1, ANA, false, new BigDecimal("500.00"),
                new BigDecimal("500.00"), Rank.DIAMOND), up(2, FAY, "50.00", "0.00", Rank.MEMBER));
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("10.00"), upline);

        assertThat(walk.skips()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo("not qualified");
            assertThat(skip.detail()).isEqualTo("account not active");
        });
        assertThat(walk.lines()).singleElement().satisfies(line -> {
            assertThat(line.beneficiaryId()).isEqualTo(FAY);
            assertThat(line.level()).isEqualTo(1);
            assertThat(line.amount()).isEqualByComparingTo("1.00");
        });
    }

    @Test
    void theWalkStopsAfterTheLastLevel() {
        List<UplineMember> upline = new ArrayList<>();
        for (int step = 1; step <= 8; step++) {
            upline.add(up(step, UUID.randomUUID(), "100.00", "0.00", Rank.GOLD));
        }
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("100.00"), upline);

        assertThat(walk.lines()).extracting(PaidLine::step).containsExactly(1, 2, 3, 4, 5);
        assertThat(walk.paid()).isEqualByComparingTo("21.00");
        assertThat(walk.breakage()).isEqualByComparingTo("0.00");
    }

    @Test
    void anEmptyUplineIsAllBreakage() {
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("200.00"), List.of());

        assertThat(walk.lines()).isEmpty();
        assertThat(walk.breakage()).isEqualByComparingTo("42.00");
    }

    @Test
    void theCapTakesBackWhatRoundingWouldAddFromTheDeepestLine() {
        // CV 0.35: 0.035 → 0.04, 0.0175 → 0.02, 0.0105 → 0.01, 0.007 → 0.01, 0.0035 → 0.00 = 0.08,
        // but 21 % of 0.35 is 0.0735, 0.07 rounded down: level 4 gives back 0.01.
        List<UplineMember> upline = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            upline.add(up(step, UUID.randomUUID(), "100.00", "0.00", Rank.GOLD));
        }
        Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("0.35"), upline);

        assertThat(walk.lines()).extracting(PaidLine::amount).containsExactly(new BigDecimal("0.04"),
                new BigDecimal("0.02"), new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(walk.paid()).isEqualByComparingTo("0.07");
        assertThat(walk.capped()).isEqualByComparingTo("0.01");
        assertThat(walk.lines().get(3).rule()).endsWith("reduced by 0.01 to keep the sale within the payout cap");
    }

    @Test
    void withFiveLevelsPaidCv9999GivesACentBackFromLevel5() {
        List<UplineMember> upline = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            upline.add(up(step, UUID.randomUUID(), "100.00", "0.00", Rank.GOLD));
        }
        Walk capped = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("99.99"), upline);
        assertThat(capped.lines()).extracting(PaidLine::amount).containsExactly(new BigDecimal("10.00"),
                new BigDecimal("5.00"), new BigDecimal("3.00"), new BigDecimal("2.00"), new BigDecimal("0.99"));
        assertThat(capped.breakage()).isEqualByComparingTo("0.01");

        Walk exact = CommissionWalk.walk(DefaultPlan.PLAN, new BigDecimal("123.47"), upline);
        assertThat(exact.paid()).isEqualByComparingTo("25.92");
        assertThat(exact.capped()).isEqualByComparingTo("0.00");
    }

    @Test
    void noSaleFromOneCentTo100DollarsPaysMoreThanTheCap() {
        List<UplineMember> upline = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            upline.add(up(step, UUID.randomUUID(), "100.00", "0.00", Rank.GOLD));
        }
        for (long cents = 1; cents <= 10_000; cents++) {
            BigDecimal cv = BigDecimal.valueOf(cents, 2);
            Walk walk = CommissionWalk.walk(DefaultPlan.PLAN, cv, upline);
            assertThat(walk.paid()).as("CV %s", cv)
                    .isLessThanOrEqualTo(Amounts.floor(cv.multiply(new BigDecimal("0.21"))));
            assertThat(walk.paid().add(walk.breakage())).as("CV %s", cv).isEqualByComparingTo(
                    walk.paid().add(walk.capped()));
        }
    }

    static UplineMember up(int step, UUID id, String pvNow, String pvBefore, Rank rank) {
        return new UplineMember(step, id, true, new BigDecimal(pvNow), new BigDecimal(pvBefore), rank);
    }
}
