package io.downline.audit;

import static io.downline.audit.AuditEvents.awaitEntry;
import static io.downline.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.audit.service.Checkpoints;
import io.downline.platform.events.Topics;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(AuditTestResource.class)
class QueryResourceTest {

    static final String AUDITOR = Tokens.of("auditor-1", Roles.AUDITOR);
    static final String ADMIN = Tokens.admin("admin-1");

    @Inject
    Checkpoints checkpoints;

    String actor;
    List<Long> seqs;

    /** Five actions of one actor, the last two on one subject. */
    @BeforeEach
    void actions() {
        actor = "admin-" + UUID.randomUUID();
        seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String subject = i < 3 ? "member-" + i : "member-x-" + actor;
            seqs.add(awaitEntry(send(Topics.USERS, "admin.action-performed", "user-service", subject,
                    "{\"actor\":\"" + actor + "\",\"action\":\"member.suspend\",\"i\":" + i + "}")));
        }
    }

    @Test
    void anActorsEntriesComeNewestFirstPageByPage() {
        JsonPath first = given().auth().oauth2(AUDITOR).queryParam("actor", actor).queryParam("limit", 2)
                .when().get("/api/audit/entries").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        JsonPath second = given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/audit/entries").then().statusCode(200).extract().jsonPath();
        JsonPath third = given().auth().oauth2(AUDITOR).queryParam("actor", actor).queryParam("limit", 2)
                .queryParam("cursor", second.getString("nextCursor"))
                .when().get("/api/audit/entries").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath();

        List<Long> seen = new ArrayList<>();
        for (JsonPath page : List.of(first, second, third)) {
            page.getList("items.seq", Long.class).forEach(seen::add);
        }
        assertThat(seen).containsExactly(seqs.get(4), seqs.get(3), seqs.get(2), seqs.get(1), seqs.get(0));
    }

    @Test
    void filtersCombine() {
        given().auth().oauth2(AUDITOR).queryParam("actor", actor).queryParam("subject", "member-x-" + actor)
                .queryParam("type", "admin.action-performed").queryParam("source", "user-service")
                .queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2999-01-01T00:00:00Z")
                .when().get("/api/audit/entries").then().statusCode(200)
                .body("items", hasSize(2)).body("items.actor", everyItem(equalTo(actor)));
        given().auth().oauth2(AUDITOR).queryParam("actor", actor).queryParam("to", "2000-01-01T00:00:00Z")
                .when().get("/api/audit/entries").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void refusals() {
        given().when().get("/api/audit/entries").then().statusCode(401);
        given().when().get("/api/audit/nothing-here").then().statusCode(401);
        given().auth().oauth2(Tokens.member("alice")).when().get("/api/audit/entries").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.of("finance-1", Roles.FINANCE)).when().get("/api/audit/export").then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/api/audit/verification").then().statusCode(403);
        given().auth().oauth2(Tokens.of("officer-1", Roles.KYC_OFFICER)).when().get("/api/audit/checkpoints")
                .then().statusCode(403);
        given().auth().oauth2(AUDITOR).queryParam("limit", 501).when().get("/api/audit/entries").then().statusCode(400);
        given().auth().oauth2(AUDITOR).queryParam("cursor", "abc").when().get("/api/audit/entries").then().statusCode(400);
        given().auth().oauth2(AUDITOR).queryParam("from", "yesterday").when().get("/api/audit/entries")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(AUDITOR).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/api/audit/export").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(AUDITOR).when().get("/api/audit/entries/{seq}", Long.MAX_VALUE / 2).then().statusCode(404);
        given().auth().oauth2(AUDITOR).queryParam("from", Long.MAX_VALUE / 2).when().get("/api/audit/verification")
                .then().statusCode(422);
    }

    @Test
    void nobodyWritesThroughTheApi() {
        for (String token : List.of(AUDITOR, ADMIN)) {
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().post("/api/audit/entries").then().statusCode(405);
            given().auth().oauth2(token).when().delete("/api/audit/entries/{seq}", seqs.get(0)).then().statusCode(405);
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().put("/api/audit/entries/{seq}", seqs.get(0)).then().statusCode(405);
        }
    }

    @Test
    void aRangeVerifiesAndCheckpointsAreSignedWithThePublishedKey() {
        given().auth().oauth2(AUDITOR).queryParam("from", seqs.get(1)).queryParam("to", seqs.get(3))
                .when().get("/api/audit/verification").then().statusCode(200)
                .body("status", equalTo("INTACT")).body("checked", equalTo(seqs.get(3).intValue() - seqs.get(1).intValue() + 1))
                .body("headHash", equalTo(given().auth().oauth2(AUDITOR).when().get("/api/audit/entries/{s}", seqs.get(3))
                        .then().extract().path("hash")));
        checkpoints.take();
        String keyId = given().auth().oauth2(Tokens.member("alice")).when().get("/api/audit/public-key")
                .then().statusCode(200).body("algorithm", equalTo("Ed25519")).extract().path("keyId");
        given().auth().oauth2(ADMIN).when().get("/api/audit/checkpoints").then().statusCode(200)
                .body("[0].keyId", equalTo(keyId)).body("[0].entries", notNullValue());
    }

    @Test
    void anExportVerifiesOfflineWithTheScriptInTheRepository() throws Exception {
        String export = given().auth().oauth2(AUDITOR).queryParam("fromSeq", 1)
                .when().get("/api/audit/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        List<String> lines = export.lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines.get(0)).contains("\"seq\":1,");

        Assumptions.assumeTrue(python3(), "python3 is not installed");
        Path file = Files.createTempFile(Path.of("target"), "export", ".ndjson");
        Files.writeString(file, export, StandardCharsets.UTF_8);
        assertThat(runScript(file)).startsWith("OK: " + lines.size() + " entries");

        Path tampered = Files.createTempFile(Path.of("target"), "tampered", ".ndjson");
        Files.writeString(tampered, export.replace(actor + "\",\"i\":3", actor + "\",\"i\":4"), StandardCharsets.UTF_8);
        assertThat(runScript(tampered)).startsWith("BROKEN: ").contains("entry " + seqs.get(3));
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String runScript(Path export) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "tools/verify-export.py", export.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
