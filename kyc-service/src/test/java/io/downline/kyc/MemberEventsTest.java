package io.downline.kyc;

import static io.downline.kyc.Kyc.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.kyc.TestMembers.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** users.events.v1, through the platform's member projection, as it affects cases. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class MemberEventsTest {

    @Test
    void aTerminatedMembersOpenCaseIsClosedOnceEvenWhenTheEventComesTwice() {
        Member member = TestMembers.register();
        UUID caseId = Kyc.submittedBasicCase(member);
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            EventEnvelope terminated = TestMembers.terminate(member);
            KycRejected closed = kyc.await(EventType.KYC_REJECTED, caseId).payload(KycRejected.class);
            assertThat(closed.reviewer()).isEqualTo("system:kyc-service");
            assertThat(closed.reason()).isEqualTo("Member terminated");
            assertThat(Db.value("SELECT status FROM kyc_case WHERE id = ?", caseId)).isEqualTo("CLOSED");

            EventPublisher.send(Topics.USERS, terminated);
            await().atMost(TestMembers.PATIENCE).until(() -> Db.count("SELECT count(*) FROM processed_event"
                    + " WHERE event_id = ?", terminated.id()) == 1);
            assertThat(kyc.drain(EventType.KYC_REJECTED, e -> e.subject().equals(caseId.toString()),
                    Duration.ofMillis(500))).hasSize(1);
        }
        // A terminated member changes nothing (the platform refuses, before the service's own check).
        as(member.token()).body(java.util.Map.of("level", "FULL")).post("/api/kyc/cases").then().statusCode(403);
    }

    @Test
    void aSuspendedMemberCannotSubmitButStillReads() {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        Kyc.uploadOk(member, caseId, "PASSPORT", SampleFiles.png());
        Kyc.uploadOk(member, caseId, "SELFIE", SampleFiles.png());
        TestMembers.suspend(member);
        as(member.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(403);
        as(member.token()).get("/api/kyc/cases/{id}", caseId).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void theQueueFollowsTheMembersCountry() {
        Member member = TestMembers.register("IT");
        UUID caseId = Kyc.submittedBasicCase(member);
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        as(officer).queryParam("country", "IT").queryParam("size", 100).get("/api/kyc/queue").then()
                .body("items.caseId", hasItem(caseId.toString()))
                .body("items.find { it.caseId == '" + caseId + "' }.ageSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        TestMembers.moveTo(member, "ES");
        await().atMost(TestMembers.PATIENCE).until(() -> "ES".equals(
                Db.value("SELECT country FROM kyc_case WHERE id = ?", caseId)));
        as(officer).queryParam("country", "IT").queryParam("size", 100).get("/api/kyc/queue").then()
                .body("items.caseId", not(hasItem(caseId.toString())));
        as(officer).queryParam("country", "ES").queryParam("level", "BASIC").queryParam("status", "SUBMITTED")
                .queryParam("size", 100).get("/api/kyc/queue").then()
                .body("items.caseId", hasItem(caseId.toString()));
    }
}
