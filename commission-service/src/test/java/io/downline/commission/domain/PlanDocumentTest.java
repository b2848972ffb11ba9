package io.downline.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PlanDocumentTest {

    @Test
    void theDefaultPlanIsDesignsPlanVersion1() {
        Plan plan = DefaultPlan.PLAN;

        assertThat(plan.currency()).isEqualTo("USD");
        assertThat(plan.rates()).containsExactly(new BigDecimal("0.10"), new BigDecimal("0.05"),
                new BigDecimal("0.03"), new BigDecimal("0.02"), new BigDecimal("0.01"));
        assertThat(plan.qualifyingVolume()).isEqualByComparingTo("50");
        assertThat(plan.holdDays()).isEqualTo(14);
        assertThat(plan.paysLevels(Rank.MEMBER)).isEqualTo(2);
        assertThat(plan.paysLevels(Rank.BRONZE)).isEqualTo(3);
        assertThat(plan.paysLevels(Rank.SILVER)).isEqualTo(4);
        assertThat(plan.paysLevels(Rank.DIAMOND)).isEqualTo(5);
        assertThat(plan.ranks().get(4).legs()).isEqualTo(2);
        assertThat(plan.ranks().get(4).legRank()).isEqualTo(Rank.SILVER);
    }

    @Test
    void aPlanPayingMoreThan100PercentIsRefusedAtTheLevels() {
        String json = DefaultPlan.JSON.replace("\"rate\": \"0.10\"", "\"rate\": \"0.95\"");

        assertThat(PlanDocument.validate(json)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("levels");
            assertThat(v.message()).contains("106 %").contains("more than 100 %");
        });
    }

    @Test
    void aGapInTheLevelsIsRefusedAtTheLevel() {
        String json = DefaultPlan.JSON.replace("{\"level\": 3,", "{\"level\": 4,")
                .replace("{\"level\": 4, \"rate\": \"0.02\"}", "{\"level\": 5, \"rate\": \"0.02\"}")
                .replace("{\"level\": 5, \"rate\": \"0.01\"}", "{\"level\": 6, \"rate\": \"0.01\"}");

        assertThat(PlanDocument.validate(json)).extracting(PlanViolation::field)
                .containsExactly("levels[2].level", "levels[3].level", "levels[4].level");
    }

    @Test
    void aLegRuleNamingARankThePlanDoesNotDefineIsRefused() {
        String json = DefaultPlan.JSON.replace(
                "    {\"rank\": \"SILVER\", \"paysLevels\": 4, \"personalVolume\": \"100.00\", \"groupVolume\": \"1000.00\", \"qualifiedSponsored\": 2},\n",
                "");

        assertThat(PlanDocument.validate(json)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ranks[3].legs.rank");
            assertThat(v.message()).startsWith("unknown rank SILVER");
        });
    }

    @Test
    void aRankOutsideTheCatalogueIsRefusedByTheSchema() {
        String json = DefaultPlan.JSON.replace("\"rank\": \"DIAMOND\"", "\"rank\": \"EMERALD\"");

        assertThat(PlanDocument.validate(json)).extracting(PlanViolation::field).contains("ranks[5].rank");
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        String json = DefaultPlan.JSON.replace("\"holdDays\": 14,", "").replace("\"50.00\"", "\"fifty\"");

        assertThat(PlanDocument.validate(json)).extracting(PlanViolation::field)
                .containsExactlyInAnyOrder("holdDays", "qualifyingVolume");
    }

    @Test
    void parseRefusesWithTheFirstFieldNamed() {
        String json = DefaultPlan.JSON.replace("\"payoutCap\": \"0.21\"", "\"payoutCap\": \"1.5\"");

        assertThatThrownBy(() -> PlanDocument.parse(json)).isInstanceOf(InvalidPlanException.class)
                .satisfies(e -> assertThat(((InvalidPlanException) e).field()).contains("plan.payoutCap"));
    }
}
