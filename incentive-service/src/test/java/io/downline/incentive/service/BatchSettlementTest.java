package io.downline.incentive.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.incentive.domain.Combine;
import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.Eligibility;
import io.downline.incentive.domain.Evaluation;
import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.MemberStanding;
import io.downline.incentive.domain.Metric;
import io.downline.incentive.domain.OpenProgram;
import io.downline.incentive.domain.ProgramDefinition;
import io.downline.incentive.domain.ProgressKey;
import io.downline.incentive.domain.ProgressRow;
import io.downline.incentive.domain.QualificationKey;
import io.downline.incentive.domain.Rank;
import io.downline.incentive.domain.Reward;
import io.downline.incentive.domain.RulesValidation;
import io.downline.incentive.domain.Tier;
import io.downline.incentive.domain.WinnerRule;

/** The batch's steps settled in memory, one after the other, as single events would settle them. */
class BatchSettlementTest {

    static final Instant BEFORE = Instant.parse("2026-11-30T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final MemberStanding GOOD = new MemberStanding("US", Instant.parse("2025-01-01T00:00:00Z"), Rank.MEMBER,
            true);
    static final OpenProgram PROGRAM = new OpenProgram(UUID.randomUUID(), "Sprint", RulesValidation.check(
            new ProgramDefinition("Sprint", null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), "UTC",
                    Eligibility.EVERYONE, Combine.ALL, List.of(
                            new Tier(1, "Bronze", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "500")),
                                    Reward.cash(new BigDecimal("100.00"))),
                            new Tier(2, "Silver", List.of(Criterion.of(Metric.PERSONAL_VOLUME, "1000")),
                                    Reward.cash(new BigDecimal("300.00")))),
                    null, WinnerRule.FIRST_TO_QUALIFY)), BEFORE);

    @Test
    void aTierGainedLostAndGainedAgainIsGainedTwiceAndTheBucketsMoveByTheNetChange() {
        ProgressKey key = new ProgressKey(PROGRAM.id(), UUID.randomUUID());
        BatchSettlement settlement = new BatchSettlement(List.of(stored(key, "300.00")), Set.of(), NOW);

        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("250.00"));
        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("-100.00"));
        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("600.00"));

        QualificationKey bronze = new QualificationKey(key.programId(), key.memberId(), 1);
        QualificationKey silver = new QualificationKey(key.programId(), key.memberId(), 2);
        assertThat(settlement.gains()).containsExactly(new BatchSettlement.Gain(bronze, false),
                new BatchSettlement.Gain(bronze, true), new BatchSettlement.Gain(silver, false));
        assertThat(settlement.keptAfterLosses()).containsExactly(silver);
        ProgressRow after = settlement.touchedRows().get(0);
        assertThat(after.figures().personalVolume()).isEqualByComparingTo("1050.00");
        assertThat(after.evaluation().tierReached()).isEqualTo(2);
        assertThat(after.scoreSince()).isEqualTo(NOW);
        // 60 -> 155 -> 90 -> 200 (the top tier reached): only the first and the last count.
        assertThat(netBuckets(settlement))
                .isEqualTo(Map.of(new BigDecimal("60.00"), -1, new BigDecimal("200.00"), 1));
    }

    @Test
    void aRefundLowersOnlyARowThatExistsAndARowCreatedForTheBatchExistsFromItsFirstSale() {
        ProgressKey key = new ProgressKey(PROGRAM.id(), UUID.randomUUID());
        BatchSettlement settlement = new BatchSettlement(List.of(stored(key, "0.00")), Set.of(key), NOW);

        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("-50.00"));
        assertThat(settlement.touchedRows()).isEmpty();
        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("200.00"));
        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("-50.00"));

        assertThat(settlement.touchedRows().get(0).figures().personalVolume()).isEqualByComparingTo("150.00");
        assertThat(settlement.touchedRows().get(0).evaluation().progressPercent()).isEqualByComparingTo("30.00");
        assertThat(settlement.gains()).isEmpty();
        assertThat(netBuckets(settlement)).isEqualTo(Map.of(new BigDecimal("30.00"), 1));
    }

    @Test
    void aMemberWhoEndsBelowTheTierTheyHeldKeepsOnlyWhatTheyStillReach() {
        ProgressKey key = new ProgressKey(PROGRAM.id(), UUID.randomUUID());
        BatchSettlement settlement = new BatchSettlement(List.of(stored(key, "1100.00")), Set.of(), NOW);

        settlement.addPersonalVolume(PROGRAM, key, GOOD, new BigDecimal("-700.00"));

        assertThat(settlement.gains()).isEmpty();
        assertThat(settlement.keptAfterLosses())
                .containsExactly(new QualificationKey(key.programId(), key.memberId(), 0));
    }

    /** The row as stored before the batch: evaluated from its figures, eligible, its score reached before. */
    private static ProgressRow stored(ProgressKey key, String pv) {
        Figures figures = new Figures(new BigDecimal(pv), BigDecimal.ZERO, 0, Rank.MEMBER, false);
        Evaluation evaluation = PROGRAM.rules().evaluate(figures);
        boolean eligible = new BigDecimal(pv).signum() > 0;
        return new ProgressRow(key.programId(), key.memberId(), figures, eligible, evaluation, BEFORE);
    }

    private static Map<BigDecimal, Integer> netBuckets(BatchSettlement settlement) {
        Map<BigDecimal, Integer> net = new HashMap<>();
        for (int i = 0; i < settlement.bucketScores().size(); i++) {
            net.merge(settlement.bucketScores().get(i), settlement.bucketDeltas().get(i), Integer::sum);
        }
        net.values().removeIf(delta -> delta == 0);
        return net;
    }
}
