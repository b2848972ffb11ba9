package io.downline.incentive;

import static io.downline.incentive.Fixtures.ADMIN;
import static io.downline.incentive.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import io.downline.incentive.Fixtures.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The "KYC approved" criterion from kyc.events.v1, through the real broker. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class KycCriterionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anApprovalMeetsTheCriterionOnceAndOnlyANewerExpiryTakesItAway() {
        UUID program = Fixtures.published(verifiedSellers("Verified sellers"));
        Member erin = Fixtures.known(null);
        Fixtures.sale(erin.id(), "150.00", Instant.now());
        EngineFlowTest.awaitPersonalVolume(program, erin, "150.00");
        progress(program, erin).body("tierReached", equalTo(0)).body("progressPercent", equalTo("50.00"))
                .body("figures.kycApproved", equalTo(false))
                .body("tiers[0].criteria.find { it.metric == 'KYC_APPROVED' }.actual", equalTo("false"));

        Instant approvedAt = Instant.now();
        try (EventLog incentives = EventLog.tail(Topics.INCENTIVES)) {
            EventEnvelope approval = approved(erin.id(), approvedAt);
            EventPublisher.send(Topics.KYC, approval); // a redelivery
            IncentiveQualified qualified = incentives.await(EventType.INCENTIVE_QUALIFIED, erin.id())
                    .payload(IncentiveQualified.class);
            assertThat(qualified.tier()).isEqualTo("Verified seller");
        }
        awaitProgress(program, erin, 1);
        progress(program, erin).body("figures.kycApproved", equalTo(true)).body("progressPercent", equalTo("87.50"));

        // An expiry older than the approval (another case, arriving late) changes nothing; a newer one does.
        UUID stale = EventPublisher.publish(EventType.KYC_EXPIRED, "kyc-service", UUID.randomUUID(),
                new KycExpired(UUID.randomUUID(), erin.id(), "BASIC", approvedAt.minusSeconds(3600))).id();
        awaitProcessed(stale);
        progress(program, erin).body("tierReached", equalTo(1));
        EventPublisher.publish(EventType.KYC_EXPIRED, "kyc-service", UUID.randomUUID(),
                new KycExpired(UUID.randomUUID(), erin.id(), "BASIC", approvedAt.plusSeconds(1)));
        awaitProgress(program, erin, 0);
        progress(program, erin).body("figures.kycApproved", equalTo(false))
                .body("qualifications[0].lostAt", notNullValue());
    }

    @Test
    void anApprovalBeforeTheMemberIsKnownWaitsAndLaterProgressStartsApproved() {
        UUID first = Fixtures.published(verifiedSellers("Verified early"));
        Member fred = Fixtures.member("US", null, "ACTIVE"); // not awaited: the approval may come first
        approved(fred.id(), Instant.now());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> progress(first, fred)
                .statusCode(200).body("figures.kycApproved", equalTo(true)));

        // A program published after the approval: Fred's first progress in it starts approved.
        UUID later = Fixtures.published(verifiedSellers("Verified later"));
        Fixtures.sale(fred.id(), "120.00", Instant.now());
        EngineFlowTest.awaitPersonalVolume(later, fred, "120.00");
        progress(later, fred).body("figures.kycApproved", equalTo(true)).body("tierReached", equalTo(1));
    }

    private static Map<String, Object> verifiedSellers(String name) {
        Map<String, Object> body = new HashMap<>(Fixtures.program(name));
        body.put("combine", "ALL");
        body.put("tiers", List.of(
                Map.of("name", "Verified seller", "criteria", List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "100"),
                        Map.of("metric", "KYC_APPROVED")), "reward", Map.of("type", "CASH", "cash", "10.00")),
                Map.of("name", "Verified star", "criteria", List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "200"),
                        Map.of("metric", "KYC_APPROVED")), "reward", Map.of("type", "CASH", "cash", "20.00"))));
        return body;
    }

    private static EventEnvelope approved(UUID memberId, Instant at) {
        UUID caseId = UUID.randomUUID();
        return EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", caseId,
                new KycApproved(caseId, memberId, "FULL", "sub-officer", at.plus(Duration.ofDays(365)), at));
    }

    private static ValidatableResponse progress(UUID program, Member member) {
        return as(ADMIN).get("/api/incentives/programs/{id}/progress/{m}", program, member.id()).then();
    }

    private static void awaitProgress(UUID program, Member member, int tier) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> progress(program, member).statusCode(200)
                .body("tierReached", equalTo(tier)));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM processed_event"
                            + " WHERE consumer = 'incentive-service:kyc' AND event_id = ?")) {
                statement.setObject(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) == 1;
                }
            }
        });
    }
}
