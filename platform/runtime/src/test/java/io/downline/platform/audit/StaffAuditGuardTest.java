package io.downline.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventJson;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A staff change that forgets {@link AdminAudit#record} fails (enforce is on in tests) and is counted; an
 * audited one passes and leaves its {@code admin.action-performed} in the outbox (sent or not); members' changes are not
 * staff actions.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class StaffAuditGuardTest {

    private static final Pattern UNAUDITED = Pattern.compile("(?m)^downline_staff_actions_unaudited_total(?:\\{[^}]*\\})? (\\S+)$");

    @Inject
    DataSource dataSource;

    @Inject
    AdminAudit audit;

    @Inject
    Actor actor;

    @Test
    void anUnauditedStaffChangeFailsAndIsCounted() {
        double before = unauditedCount();

        given().auth().oauth2(Tokens.admin("admin-" + UUID.randomUUID()))
                .post("/test/staff-actions/unaudited")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .header("Location", (String) null)
                .body("type", equalTo("urn:downline:problem:unaudited-staff-action"));

        assertThat(unauditedCount()).isEqualTo(before + 1);
    }

    @Test
    void anAuditedStaffChangePassesAndIsRecordedWithItsEntityId() throws SQLException {
        String subject = "admin-" + UUID.randomUUID();
        double before = unauditedCount();

        String widgetId = given().auth().oauth2(Tokens.admin(subject))
                .post("/test/staff-actions/audited")
                .then().statusCode(201).extract().asString();

        List<String> payloads = auditPayloads(widgetId);
        assertThat(payloads).hasSize(1);
        AdminActionPerformed event = EventJson.read(payloads.get(0), AdminActionPerformed.class);
        assertThat(event.entityId()).isEqualTo(widgetId);
        assertThat(event.actor()).isEqualTo(subject);
        assertThat(event.action()).isEqualTo("widget.create");
        assertThat(event.after().get("id").asText()).isEqualTo(widgetId);
        assertThat(unauditedCount()).isEqualTo(before);
    }

    @Test
    void aMembersChangeIsNotAStaffActionAndWritesNoAudit() throws SQLException {
        double before = unauditedCount();

        String unaudited = given().auth().oauth2(Tokens.member("member-" + UUID.randomUUID()))
                .post("/test/staff-actions/unaudited")
                .then().statusCode(201).extract().asString();
        String audited = given().auth().oauth2(Tokens.member("member-" + UUID.randomUUID()))
                .post("/test/staff-actions/audited")
                .then().statusCode(201).extract().asString();

        assertThat(auditPayloads(unaudited)).isEmpty();
        assertThat(auditPayloads(audited)).isEmpty();
        assertThat(unauditedCount()).isEqualTo(before);
    }

    @Test
    void anAuditorIsStaffButOnlyReadsSoTheirChangesAreNotAudited() throws SQLException {
        String widgetId = given().auth().oauth2(Tokens.of("auditor-" + UUID.randomUUID(), "auditor"))
                .post("/test/staff-actions/audited")
                .then().statusCode(201).extract().asString();

        assertThat(auditPayloads(widgetId)).isEmpty();
    }

    @Test
    void aRecordWithoutEntityIdIsRefused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("widget.create", "widget", null, null, null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("entityId");
    }

    @Test
    void outsideAnHttpRequestTheActorIsTheServiceItself() {
        assertThat(actor.current()).isEqualTo("system:platform-test");
    }

    private List<String> auditPayloads(String entityId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT payload FROM outbox_log WHERE type = 'admin.action-performed' AND aggregate_id = ?")) {
            query.setString(1, entityId);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        }
    }

    private static double unauditedCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = UNAUDITED.matcher(metrics);
        assertThat(matcher.find()).as("downline_staff_actions_unaudited_total is exported").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
