package io.downline.kyc;

import static io.downline.kyc.Kyc.as;
import static io.downline.kyc.Kyc.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.kyc.TestMembers.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad files and bad callers are refused with a problem, and store nothing. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class UploadRefusalTest {

    private static final long MAX_SIZE = 10L * 1024 * 1024;

    private static long storedDocuments(UUID caseId) {
        return Db.count("SELECT count(*) FROM kyc_document WHERE case_id = ?", caseId);
    }

    private static long storedSegments() {
        return Db.count("SELECT count(*) FROM kyc_document_segment");
    }

    @Test
    void badFilesAreRefusedAndNothingIsStored() throws IOException {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        long segments = storedSegments();
        String token = member.token();
        String key = UUID.randomUUID().toString();

        upload(token, caseId, "PASSPORT", "empty.pdf", "application/pdf", new byte[0], key).statusCode(400)
                .body("type", equalTo("urn:downline:problem:document-empty"));
        upload(token, caseId, "PASSPORT", "page.png", "image/png", "<html>hi</html>".getBytes(), key(null))
                .statusCode(415).body("type", equalTo("urn:downline:problem:unsupported-media-type"));
        // A real PNG sent as a PDF: the content decides, and the two disagree.
        upload(token, caseId, "PASSPORT", "scan.pdf", "application/pdf", SampleFiles.png(), key(null))
                .statusCode(415);
        upload(token, caseId, "PASSPORT", "scan.pdf", "application/pdf", SampleFiles.truncated(SampleFiles.pdf()),
                key(null)).statusCode(400).body("type", equalTo("urn:downline:problem:document-unreadable"));
        upload(token, caseId, "SELFIE", "me.jpg", "image/jpeg", SampleFiles.truncated(SampleFiles.jpeg()), key(null))
                .statusCode(400);
        upload(token, caseId, "SELFIE", "me.png", "image/png", SampleFiles.fakePng(), key(null)).statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(token, caseId, "SELFIE", "me.png", "image/png", SampleFiles.truncated(SampleFiles.png()), key(null))
                .statusCode(400);
        upload(token, caseId, "VISA", "me.png", "image/png", SampleFiles.png(), key(null)).statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(token).header("Idempotency-Key", key(null)).multiPart("type", "SELFIE")
                .post("/api/kyc/cases/{id}/documents", caseId).then().statusCode(400);

        assertThat(storedDocuments(caseId)).isZero();
        assertThat(storedSegments()).isEqualTo(segments);
    }

    @Test
    void aDocumentOverTheLimitIs413() throws IOException {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        Path big = Files.createTempFile("kyc-oversize", ".pdf");
        try {
            byte[] pdf = SampleFiles.pdf();
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                file.write(pdf);
                file.setLength(MAX_SIZE + 1);
            }
            given().auth().oauth2(member.token()).header("Idempotency-Key", key(null))
                    .multiPart("file", big.toFile(), "application/pdf").multiPart("type", "PASSPORT")
                    .post("/api/kyc/cases/{id}/documents", caseId)
                    .then().statusCode(413).body("type", equalTo("urn:downline:problem:payload-too-large"));
        } finally {
            Files.delete(big);
        }
        assertThat(storedDocuments(caseId)).isZero();
    }

    @Test
    void aRetriedUploadStoresOneDocumentAndAReusedKeyIsRefused() {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        String key = UUID.randomUUID().toString();
        byte[] png = SampleFiles.png();
        String first = upload(member.token(), caseId, "SELFIE", "me.png", "image/png", png, key).statusCode(201)
                .extract().path("id");
        String again = upload(member.token(), caseId, "SELFIE", "me.png", "image/png", png, key).statusCode(201)
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(storedDocuments(caseId)).isEqualTo(1);
        upload(member.token(), caseId, "SELFIE", "me.jpg", "image/jpeg", SampleFiles.jpeg(), key).statusCode(422)
                .body("type", equalTo("urn:downline:problem:idempotency-key-reused"));
        upload(member.token(), caseId, "SELFIE", "me.png", "image/png", png, null).statusCode(400)
                .body("type", equalTo("urn:downline:problem:idempotency-key-missing"));
        assertThat(storedDocuments(caseId)).isEqualTo(1);
    }

    @Test
    void callersMayOnlyTouchTheirOwnCases() {
        Member owner = TestMembers.register();
        Member other = TestMembers.register();
        UUID caseId = Kyc.openCase(owner, "BASIC");
        UUID documentId = Kyc.uploadOk(owner, caseId, "SELFIE", SampleFiles.png());

        given().multiPart("file", "me.png", SampleFiles.png(), "image/png").multiPart("type", "SELFIE")
                .post("/api/kyc/cases/{id}/documents", caseId).then().statusCode(401);
        upload(other.token(), caseId, "SELFIE", "me.png", "image/png", SampleFiles.png(), key(null)).statusCode(403);
        upload(other.token(), UUID.randomUUID(), "SELFIE", "me.png", "image/png", SampleFiles.png(), key(null))
                .statusCode(403);
        upload(TestMembers.officer("officer-" + UUID.randomUUID()), caseId, "SELFIE", "me.png", "image/png",
                SampleFiles.png(), key(null)).statusCode(403);
        as(other.token()).get("/api/kyc/cases/{id}", caseId).then().statusCode(403);
        as(other.token()).get("/api/kyc/cases/{id}", UUID.randomUUID()).then().statusCode(403);
        as(other.token()).get("/api/kyc/cases/{c}/documents/{d}/content", caseId, documentId).then().statusCode(403);
        as(other.token()).queryParam("memberId", owner.id()).get("/api/kyc/cases").then().statusCode(403);
        as(other.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(403);
        as(Tokens.admin("admin-" + UUID.randomUUID())).get("/api/kyc/cases/{c}/documents/{d}/content", caseId,
                documentId).then().statusCode(403);
        as(Tokens.of("auditor-" + UUID.randomUUID(), "auditor")).get("/api/kyc/cases/{id}", UUID.randomUUID())
                .then().statusCode(404);
        assertThat(storedDocuments(caseId)).isEqualTo(1);
    }

    @Test
    void endpointRefusalMatrix() {
        Member member = TestMembers.register();
        String officer = TestMembers.officer("officer-" + UUID.randomUUID());
        UUID caseId = Kyc.openCase(member, "FULL");

        given().get("/api/kyc/queue").then().statusCode(401);
        as(member.token()).get("/api/kyc/queue").then().statusCode(403);
        as(officer).queryParam("status", "LOST").get("/api/kyc/queue").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(officer).queryParam("size", 1000).get("/api/kyc/queue").then().statusCode(400);
        as(officer).queryParam("country", "france").get("/api/kyc/queue").then().statusCode(400);
        as(member.token()).body(Map.of("level", "PLATINUM")).post("/api/kyc/cases").then().statusCode(400);
        as(member.token()).body(Map.of()).post("/api/kyc/cases").then().statusCode(400);
        as(member.token()).body(Map.of("level", "FULL")).post("/api/kyc/cases").then().statusCode(409);
        as(officer).body(Map.of("level", "BASIC")).post("/api/kyc/cases").then().statusCode(403);
        as(member.token()).post("/api/kyc/cases/{id}/claim", caseId).then().statusCode(403);
        as(officer).post("/api/kyc/cases/{id}/claim", caseId).then().statusCode(409);
        as(officer).post("/api/kyc/cases/{id}/claim", UUID.randomUUID()).then().statusCode(404);
        as(officer).body(Map.of("outcome", "MAYBE", "reason", "x")).post("/api/kyc/cases/{id}/decision", caseId)
                .then().statusCode(400);
        as(member.token()).post("/api/kyc/cases/{id}/submit", caseId).then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("PROOF_OF_ADDRESS"));
        as(member.token()).post("/api/kyc/admin/master-keys/rewrap").then().statusCode(403);
        as(officer).post("/api/kyc/admin/master-keys/rewrap").then().statusCode(403);
    }

    private static String key(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }
}
