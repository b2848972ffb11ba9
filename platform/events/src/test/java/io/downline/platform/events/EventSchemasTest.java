package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode json = sample(EventType.MEMBER_REGISTERED);
        json.remove("memberId");

        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString()))
                .containsExactly("$: required property 'memberId' not found");
    }

    @Test
    void aMalformedUuidIsNamed() {
        ObjectNode json = sample(EventType.MEMBER_REGISTERED).put("sponsorId", "5f2d9c1a-8b3e-4c7d");

        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString()))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).startsWith("$.sponsorId: "));
    }

    @Test
    void aNumberInsteadOfADecimalStringIsNamed() {
        ObjectNode json = sample(EventType.ORDER_COMPLETED).put("commissionableVolume", new BigDecimal("100.00"));
        ((ObjectNode) json.get("amount")).put("amount", 129.90);

        assertThat(EventSchemas.validate(EventType.ORDER_COMPLETED, json.toString())).containsExactlyInAnyOrder(
                "$.commissionableVolume: number found, string expected",
                "$.amount.amount: number found, string expected");
    }

    @Test
    void closedSetsFormatsAndPatternsAreEnforced() {
        ObjectNode json = sample(EventType.MEMBER_REGISTERED)
                .put("status", "pending")
                .put("email", "not an email")
                .put("country", "PRT")
                .put("occurredAt", "2025-03-14 09:26");

        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString()))
                .anySatisfy(message -> assertThat(message).startsWith("$.status: "))
                .anySatisfy(message -> assertThat(message).startsWith("$.email: "))
                .anySatisfy(message -> assertThat(message).startsWith("$.country: "))
                .anySatisfy(message -> assertThat(message).startsWith("$.occurredAt: "));
    }

    @Test
    void anEmailTheApiAcceptsIsValidInTheEvent() {
        // The API's @Email takes reserved and new top-level domains; the contract must not be stricter.
        for (String email : new String[] { "x@bench.example", "a.b+c@sub.domain.travel" }) {
            ObjectNode json = sample(EventType.MEMBER_REGISTERED).put("email", email);
            assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString())).isEmpty();
        }
    }

    @Test
    void nullableFieldsMayBeNullOrAbsentButRequiredOnesMayNot() {
        ObjectNode json = sample(EventType.MEMBER_REGISTERED).putNull("phone").putNull("sponsorId");
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString())).isEmpty();

        json.remove("phone");
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString())).isEmpty();

        json.putNull("email");
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString()))
                .singleElement().asString().startsWith("$.email: ");
    }

    @Test
    void unknownFieldsAreAcceptedForForwardCompatibility() {
        ObjectNode json = sample(EventType.MEMBER_ACTIVATED).put("channel", "mobile");

        assertThat(EventSchemas.validate(EventType.MEMBER_ACTIVATED, json.toString())).isEmpty();
    }

    @Test
    void aRankCriterionNeedsARankAndAVolumeCriterionATarget() {
        ObjectNode json = sample(EventType.INCENTIVE_PROGRAM_PUBLISHED);
        ((ObjectNode) json.get("criteria").get(0)).remove("target");
        ((ObjectNode) json.get("criteria").get(1)).remove("rank");
        ((ObjectNode) json.get("reward")).remove("cash");

        assertThat(EventSchemas.validate(EventType.INCENTIVE_PROGRAM_PUBLISHED, json.toString()))
                .anySatisfy(message -> assertThat(message).startsWith("$.criteria[0]").contains("'target'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.criteria[1]").contains("'rank'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.reward").contains("'cash'"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-5.00", "0", "0.00", "5.001", "1e3", "+5" })
    void aRefundIsAPositiveAmountWithAtMostTwoDecimals(String amount) {
        ObjectNode json = sample(EventType.ORDER_REFUNDED);
        ((ObjectNode) json.get("amount")).put("amount", amount);

        assertThat(EventSchemas.validate(EventType.ORDER_REFUNDED, json.toString()))
                .singleElement().asString().startsWith("$.amount.amount: ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.01", "5", "64.9", "1000000.00" })
    void positiveAmountsWithAtMostTwoDecimalsAreValid(String amount) {
        ObjectNode json = sample(EventType.PAYOUT_REQUESTED);
        ((ObjectNode) json.get("amount")).put("amount", amount);

        assertThat(EventSchemas.validate(EventType.PAYOUT_REQUESTED, json.toString())).isEmpty();
    }

    @Test
    void volumesMayBeZeroButNeverNegative() {
        ObjectNode refund = sample(EventType.ORDER_REFUNDED).put("commissionableVolume", "0.00");
        assertThat(EventSchemas.validate(EventType.ORDER_REFUNDED, refund.toString())).isEmpty();

        refund.put("commissionableVolume", "-10.00");
        assertThat(EventSchemas.validate(EventType.ORDER_REFUNDED, refund.toString()))
                .singleElement().asString().startsWith("$.commissionableVolume: ");
    }

    @Test
    void textThatIsNotJsonIsReportedNotThrown() {
        assertThat(EventSchemas.validate(EventType.MEMBER_ACTIVATED, "{\"memberId\":"))
                .singleElement().asString().startsWith("$: not valid JSON");
    }

    @Test
    void assertValidThrowsWithEveryViolation() {
        ObjectNode json = sample(EventType.PAYOUT_REQUESTED).put("requiredApprovals", 0);
        json.remove("memberId");

        assertThatThrownBy(() -> EventSchemas.assertValid(EventType.PAYOUT_REQUESTED, json.toString()))
                .isInstanceOfSatisfying(EventSchemaViolation.class, violation -> {
                    assertThat(violation.messages()).hasSize(2);
                    assertThat(violation.getMessage()).contains("payout.requested", "memberId", "requiredApprovals");
                });
    }

    @Test
    void assertValidAcceptsAValidPayload() {
        EventSchemas.assertValid(EventType.KYC_APPROVED, EventJson.write(EventSamples.sample(EventType.KYC_APPROVED)));
    }

    private static ObjectNode sample(EventType type) {
        return EventJson.read(EventJson.write(EventSamples.sample(type)), ObjectNode.class);
    }
}
