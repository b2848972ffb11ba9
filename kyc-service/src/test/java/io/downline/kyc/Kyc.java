package io.downline.kyc;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.downline.kyc.TestMembers.Member;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The REST calls of the workflow, as a client makes them. */
public final class Kyc {

    private Kyc() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static UUID openCase(Member member, String level) {
        return UUID.fromString(as(member.token()).body(Map.of("level", level)).post("/api/kyc/cases")
                .then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse upload(String token, UUID caseId, String type, String fileName, String mime,
            byte[] content, String idempotencyKey) {
        RequestSpecification request = given().auth().oauth2(token)
                .multiPart("file", fileName, content, mime)
                .multiPart("type", type);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/kyc/cases/{id}/documents", caseId).then();
    }

    public static UUID uploadOk(Member member, UUID caseId, String type, byte[] png) {
        return UUID.fromString(upload(member.token(), caseId, type, "doc.png", "image/png", png,
                UUID.randomUUID().toString()).statusCode(201).extract().path("id"));
    }

    /** A BASIC case with a passport and a selfie, submitted. */
    public static UUID submittedBasicCase(Member member) {
        UUID caseId = openCase(member, "BASIC");
        uploadOk(member, caseId, "PASSPORT", SampleFiles.png());
        uploadOk(member, caseId, "SELFIE", SampleFiles.png());
        as(member.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(200);
        return caseId;
    }

    public static ValidatableResponse claim(String officer, UUID caseId) {
        return as(officer).post("/api/kyc/cases/{id}/claim", caseId).then();
    }

    public static ValidatableResponse decide(String officer, UUID caseId, String outcome, String reason) {
        return as(officer).body(Map.of("outcome", outcome, "reason", reason))
                .post("/api/kyc/cases/{id}/decision", caseId).then();
    }
}
