package io.downline.kyc;

import static io.downline.kyc.Kyc.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.kyc.TestMembers.Member;
import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.DocumentFormat;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycDocument;
import io.downline.kyc.service.DocumentVault;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What lies in the database is ciphertext, and a master-key rotation re-wraps data keys without touching the
 * content. The test profile configures two master keys: test-1 (retired) and test-2 (active).
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class EncryptionAtRestTest {

    @Inject
    DocumentVault vault;

    @Test
    void storedBytesAreNotThePlaintextNorThePersonalDetails() {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        byte[] pdf = SampleFiles.pdf();
        UUID documentId = UUID.fromString(given().auth().oauth2(member.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("file", "p.pdf", pdf, "application/pdf").multiPart("type", "PASSPORT")
                .multiPart("documentNumber", "ZX9988776").multiPart("dateOfBirth", "1985-12-01")
                .post("/api/kyc/cases/{id}/documents", caseId).then().statusCode(201).extract().path("id"));

        byte[] stored = (byte[]) Db.value("SELECT ciphertext FROM kyc_document_segment WHERE document_id = ?", documentId);
        assertThat(stored).hasSize(pdf.length + 16).isNotEqualTo(pdf);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        byte[] details = (byte[]) Db.value("SELECT sealed_details FROM kyc_document WHERE id = ?", documentId);
        assertThat(new String(details, StandardCharsets.ISO_8859_1)).doesNotContain("ZX9988776").doesNotContain("1985");
        assertThat(Db.value("SELECT master_key_id FROM kyc_document WHERE id = ?", documentId)).isEqualTo("test-2");
        as(member.token()).get("/api/kyc/cases/{id}", caseId).then().statusCode(200)
                .body("documents[0].documentNumber", equalTo("ZX9988776"));
    }

    @Test
    void aDocumentReadsBackAfterTheMasterKeyIsRotated() throws Exception {
        Member member = TestMembers.register();
        UUID caseId = Kyc.openCase(member, "BASIC");
        byte[] png = SampleFiles.png();
        Path file = Files.createTempFile("kyc-rotation", ".png");
        Files.write(file, png);
        // Stored as before the rotation: wrapped by the key that has since been retired.
        KycDocument old = QuarkusTransaction.requiringNew().call(() -> vault.store(new DocumentVault.Upload(caseId,
                DocumentType.SELFIE, DocumentFormat.PNG, file, new DocumentDetails("A1", null)), "test-1",
                member.subject(), Instant.now()));
        Files.delete(file);
        byte[] contentBefore = (byte[]) Db.value("SELECT ciphertext FROM kyc_document_segment WHERE document_id = ?",
                old.id());
        byte[] wrappedBefore = (byte[]) Db.value("SELECT wrapped_key FROM kyc_document WHERE id = ?", old.id());

        String admin = Tokens.admin("admin-" + UUID.randomUUID());
        try (EventLog kyc = EventLog.tail(Topics.KYC)) {
            as(admin).post("/api/kyc/admin/master-keys/rewrap").then().statusCode(200)
                    .body("activeKeyId", equalTo("test-2"))
                    .body("documentsByKey.'test-1'", org.hamcrest.Matchers.nullValue());
            AdminActionPerformed audited = kyc.await(EventType.ADMIN_ACTION_PERFORMED, "test-2")
                    .payload(AdminActionPerformed.class);
            assertThat(audited.action()).isEqualTo("kyc.master-key-rewrap");
        }

        assertThat(Db.value("SELECT master_key_id FROM kyc_document WHERE id = ?", old.id())).isEqualTo("test-2");
        assertThat((byte[]) Db.value("SELECT wrapped_key FROM kyc_document WHERE id = ?", old.id()))
                .isNotEqualTo(wrappedBefore);
        assertThat((byte[]) Db.value("SELECT ciphertext FROM kyc_document_segment WHERE document_id = ?", old.id()))
                .isEqualTo(contentBefore);
        assertThat(Db.count("SELECT count(*) FROM kyc_document WHERE master_key_id <> 'test-2'")).isZero();
        byte[] read = given().auth().oauth2(member.token())
                .get("/api/kyc/cases/{c}/documents/{d}/content", caseId, old.id())
                .then().statusCode(200).header("X-Content-SHA256", old.sha256()).extract().asByteArray();
        assertThat(read).isEqualTo(png);
        as(member.token()).get("/api/kyc/cases/{id}", caseId).then()
                .body("documents[0].documentNumber", equalTo("A1"));
    }
}
