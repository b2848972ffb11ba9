package io.downline.kyc;

import static io.downline.kyc.Kyc.as;
import static io.downline.kyc.Kyc.claim;
import static io.downline.kyc.Kyc.decide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.kyc.TestMembers.Member;
import io.downline.kyc.service.ExpiryJob;
import com.fasterxml.jackson.databind.JsonNode;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.kyc.KycResubmissionRequested;
import io.downline.platform.events.kyc.KycReviewStarted;
import io.downline.platform.events.kyc.KycSubmitted;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The whole workflow through REST with real tokens, and every kyc event it announces (schemas checked). */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class KycWorkflowTest {

    @Inject
    TestClock clock;

    @Inject
    ExpiryJob expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void memberUploadsSubmitsAndAnOfficerApproves() throws Exception {
        Member alice = TestMembers.register("FR");
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            UUID caseId = Kyc.openCase(alice, "BASIC");
            byte[] passport = SampleFiles.pdf();
            UUID passportId = UUID.fromString(given().auth().oauth2(alice.token())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .multiPart("file", "passport.pdf", passport, "application/pdf")
                    .multiPart("type", "PASSPORT")
                    .multiPart("documentNumber", "X1234567")
                    .multiPart("dateOfBirth", "1990-04-21")
                    .post("/api/kyc/cases/{id}/documents", caseId)
                    .then().statusCode(201)
                    .body("type", equalTo("PASSPORT"))
                    .body("contentType", equalTo("application/pdf"))
                    .body("size", equalTo(passport.length))
                    .body("sha256", equalTo(sha256(passport)))
                    .extract().path("id"));

            // Not enough yet: a BASIC case needs a selfie too.
            as(alice.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(422)
                    .body("detail", org.hamcrest.Matchers.containsString("SELFIE"));
            Kyc.upload(alice.token(), caseId, "SELFIE", "selfie.jpg", "image/jpeg", SampleFiles.jpeg(),
                    UUID.randomUUID().toString()).statusCode(201).body("contentType", equalTo("image/jpeg"));
            as(alice.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED"));
            KycSubmitted submitted = kyc.await(EventType.KYC_SUBMITTED, caseId).payload(KycSubmitted.class);
            assertThat(submitted.documentTypes()).containsExactly("PASSPORT", "SELFIE");
            assertThat(submitted.memberId()).isEqualTo(alice.id());

            as(officer).queryParam("country", "FR").queryParam("size", 100).get("/api/kyc/queue").then()
                    .statusCode(200).body("items.caseId", hasItem(caseId.toString()));

            // Before the claim, the officer may not download; after it, the download is audited.
            as(officer).get("/api/kyc/cases/{c}/documents/{d}/content", caseId, passportId).then().statusCode(403);
            claim(officer, caseId).statusCode(200).body("status", equalTo("IN_REVIEW"));
            assertThat(kyc.await(EventType.KYC_REVIEW_STARTED, caseId).payload(KycReviewStarted.class).reviewer())
                    .startsWith("officer-");
            as(officer).get("/api/kyc/cases/{id}", caseId).then().statusCode(200)
                    .body("documents.find { it.type == 'PASSPORT' }.documentNumber", equalTo("X1234567"))
                    .body("documents.find { it.type == 'PASSPORT' }.dateOfBirth", equalTo("1990-04-21"));
            byte[] downloaded = given().auth().oauth2(officer)
                    .get("/api/kyc/cases/{c}/documents/{d}/content", caseId, passportId)
                    .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertThat(downloaded).isEqualTo(passport);
            AdminActionPerformed audited = kyc.await(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(passportId.toString())).payload(AdminActionPerformed.class);
            assertThat(audited.action()).isEqualTo("kyc.document-download");

            decide(officer, caseId, "APPROVE", "Documents match").statusCode(200)
                    .body("status", equalTo("APPROVED")).body("expiresAt", notNullValue());
            KycApproved approved = kyc.await(EventType.KYC_APPROVED, caseId).payload(KycApproved.class);
            assertThat(approved.memberId()).isEqualTo(alice.id());
            assertThat(approved.level()).isEqualTo("BASIC");
            assertThat(approved.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(364)));

            // Decided stays decided.
            decide(officer, caseId, "REJECT", "changed my mind").statusCode(409);
            claim(officer, caseId).statusCode(409);
            as(alice.token()).get("/api/kyc/cases/{id}", caseId).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("reason", equalTo("Documents match"));
            // Her own download gives her bytes back.
            assertThat(given().auth().oauth2(alice.token())
                    .get("/api/kyc/cases/{c}/documents/{d}/content", caseId, passportId)
                    .then().statusCode(200).extract().asByteArray()).isEqualTo(passport);
        }
    }

    @Test
    void sentBackCasesNeedTheAskedDocumentsAgainAndRejectionIsFinal() {
        Member bob = TestMembers.register();
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            UUID caseId = Kyc.submittedBasicCase(bob);
            claim(officer, caseId).statusCode(200);
            as(officer).body(Map.of("outcome", "REQUEST_RESUBMISSION", "reason", "Selfie is blurred",
                    "documentTypes", List.of("SELFIE"))).post("/api/kyc/cases/{id}/decision", caseId)
                    .then().statusCode(200).body("status", equalTo("RESUBMISSION_REQUESTED"));
            KycResubmissionRequested back = kyc.await(EventType.KYC_RESUBMISSION_REQUESTED, caseId)
                    .payload(KycResubmissionRequested.class);
            assertThat(back.documentTypes()).containsExactly("SELFIE");
            assertThat(back.reason()).isEqualTo("Selfie is blurred");

            as(bob.token()).get("/api/kyc/cases/{id}", caseId).then().statusCode(200)
                    .body("status", equalTo("RESUBMISSION_REQUESTED")).body("reason", equalTo("Selfie is blurred"))
                    .body("resubmissionTypes", equalTo(List.of("SELFIE")));
            as(bob.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(422);
            Kyc.uploadOk(bob, caseId, "SELFIE", SampleFiles.png());
            as(bob.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(200);
            kyc.awaitCount(EventType.KYC_SUBMITTED, e -> e.subject().equals(caseId.toString()), 2,
                    TestMembers.PATIENCE);

            claim(officer, caseId).statusCode(200);
            decide(officer, caseId, "REJECT", "Passport is not genuine").statusCode(200)
                    .body("status", equalTo("REJECTED"));
            KycRejected rejected = kyc.await(EventType.KYC_REJECTED, caseId).payload(KycRejected.class);
            assertThat(rejected.reason()).isEqualTo("Passport is not genuine");
            assertThat(rejected.reviewer()).isEqualTo(back.reviewer());
            // Nothing can be added to a rejected case; a new case of the level may be opened.
            Kyc.upload(bob.token(), caseId, "SELFIE", "s.png", "image/png", SampleFiles.png(),
                    UUID.randomUUID().toString()).statusCode(409);
            Kyc.openCase(bob, "BASIC");
        }
    }

    @Test
    void approvalsExpireWhenTheClockPassesTheirValidity() {
        Member carol = TestMembers.register();
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            UUID caseId = Kyc.submittedBasicCase(carol);
            claim(officer, caseId).statusCode(200);
            decide(officer, caseId, "APPROVE", "ok").statusCode(200);
            Instant expiresAt = kyc.await(EventType.KYC_APPROVED, caseId).payload(KycApproved.class).expiresAt();

            clock.freezeAt(expiresAt.minusSeconds(1));
            expiry.expireDue();
            as(carol.token()).get("/api/kyc/cases/{id}", caseId).then().body("status", equalTo("APPROVED"));

            clock.freezeAt(expiresAt);
            assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
            as(carol.token()).get("/api/kyc/cases/{id}", caseId).then().body("status", equalTo("EXPIRED"));
            KycExpired expired = kyc.await(EventType.KYC_EXPIRED, caseId).payload(KycExpired.class);
            assertThat(expired.memberId()).isEqualTo(carol.id());
            assertThat(expired.occurredAt()).isEqualTo(expiresAt);
            // Expired: a new case of the level may be opened.
            Kyc.openCase(carol, "BASIC");
        }
    }

    @Test
    void officersCannotReviewTheirOwnCaseNorDecideAnotherOfficersCase() {
        Member dave = TestMembers.register();
        String daveAsOfficer = io.downline.platform.testing.Tokens.of(dave.subject(), "member", "kyc-officer");
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        String otherOfficer = TestMembers.officer("officer-" + UUID.randomUUID());
        UUID caseId = Kyc.submittedBasicCase(dave);

        claim(daveAsOfficer, caseId).statusCode(403);
        claim(officer, caseId).statusCode(200);
        decide(otherOfficer, caseId, "APPROVE", "looks fine").statusCode(403);
        as(otherOfficer).get("/api/kyc/cases/{id}", caseId).then().statusCode(200)
                .body("documents[0].documentNumber", nullValue());
        decide(officer, caseId, "APPROVE", " ").statusCode(400);
    }

    @Test
    void kycEventsAreKeyedByTheirCaseAndComeFromKycService() {
        Member erin = TestMembers.register();
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            UUID caseId = Kyc.submittedBasicCase(erin);
            claim(officer, caseId).statusCode(200);
            decide(officer, caseId, "APPROVE", "ok").statusCode(200);
            kyc.await(EventType.KYC_APPROVED, caseId);
            List<ConsumerRecord<String, String>> ofCase = kyc.records().stream()
                    .filter(r -> EventLogs.type(r).startsWith("kyc.") && r.key().equals(caseId.toString())).toList();
            assertThat(ofCase).extracting(EventLogs::type)
                    .containsExactly("kyc.submitted", "kyc.review-started", "kyc.approved");
            assertThat(ofCase).allSatisfy(r -> {
                EventEnvelope event = CloudEventCodec.fromRecord(r);
                assertThat(event.subject()).isEqualTo(caseId.toString());
                assertThat(event.source()).isEqualTo("kyc-service");
                assertThat(EventJson.read(event.data(), JsonNode.class).path("caseId").asText())
                        .isEqualTo(caseId.toString());
            });
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
