package io.downline.audit;

import static io.downline.audit.AuditEvents.awaitEntry;
import static io.downline.audit.AuditEvents.count;
import static io.downline.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.downline.audit.service.Ingestion;
import io.downline.platform.events.Topics;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(AuditTestResource.class)
class IngestionTest {

    static final String AUDITOR = Tokens.of("auditor-1", Roles.AUDITOR);

    @Inject
    Ingestion ingestion;

    @Test
    void everyDomainTopicIsAppendedToOneChain() {
        List<UUID> ids = new ArrayList<>();
        for (String topic : Topics.ALL) {
            ids.add(send(topic, "test.event", topic.substring(0, topic.indexOf('.')) + "-service", "s-" + topic,
                    "{\"topic\":\"" + topic + "\"}"));
        }
        ids.forEach(AuditEvents::awaitEntry);

        given().auth().oauth2(AUDITOR).when().get("/api/audit/verification")
                .then().statusCode(200).body("status", equalTo("INTACT")).body("firstBroken", nullValue());
    }

    @Test
    void anAdminActionIsRecordedWithItsActorTraceAndCanonicalPayload() {
        String memberId = UUID.randomUUID().toString();
        UUID id = send(Topics.USERS, "admin.action-performed", "user-service", memberId,
                "{ \"service\": \"user-service\", \"actor\": \"admin-7\", \"action\": \"member.suspend\", "
                        + "\"entityType\": \"member\", \"entityId\": \"" + memberId + "\", \"amount\": 1.50 }",
                UUID.randomUUID(), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        long seq = awaitEntry(id);

        given().auth().oauth2(AUDITOR).when().get("/api/audit/entries/{seq}", seq)
                .then().statusCode(200)
                .body("eventId", equalTo(id.toString()))
                .body("type", equalTo("admin.action-performed"))
                .body("source", equalTo("user-service"))
                .body("subject", equalTo(memberId))
                .body("actor", equalTo("admin-7"))
                .body("traceId", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"))
                .body("payload.amount", equalTo(1.5f))
                .body("payload.action", equalTo("member.suspend"));
    }

    @Test
    void aDuplicateIsRecordedOnce() throws Exception {
        String subject = "dup-" + UUID.randomUUID();
        UUID first = send(Topics.ORDERS, "order.completed", "shop", subject, "{\"n\":1}");
        send(Topics.ORDERS, "order.completed", "shop", subject, "{\"n\":1}", first, null);
        // same key, same partition: the redelivery is consumed before this one
        UUID after = send(Topics.ORDERS, "order.refunded", "shop", subject, "{\"n\":2}");

        long afterSeq = awaitEntry(after);

        assertThat(count(first)).isEqualTo(1);
        assertThat(AuditEvents.seqOf(first)).isLessThan(afterSeq);
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        String subject = "poison-" + UUID.randomUUID();
        try (EventLog dlq = EventLog.tailRaw("audit-service.kyc.events.v1.dlq")) {
            ProducerRecord<String, String> noId = new ProducerRecord<>(Topics.KYC, subject, "{\"a\":1}");
            AuditEvents.add(noId.headers(), "ce_type", "kyc.submitted");
            AuditEvents.add(noId.headers(), "ce_source", "kyc-service");
            AuditEvents.add(noId.headers(), "ce_time", "2026-05-10T09:00:00Z");
            EventPublisher.send(noId);
            UUID badJson = send(Topics.KYC, "kyc.submitted", "kyc-service", subject, "{\"caseId\": ");
            UUID good = send(Topics.KYC, "kyc.submitted", "kyc-service", subject, "{\"caseId\":\"c-1\"}");

            awaitEntry(good);
            ConsumerRecord<String, String> missingId = dlq.awaitRecord(r -> r.value().equals("{\"a\":1}")
                    && subject.equals(r.key()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> notJson = dlq.awaitRecord(r -> header(r, "ce_id").equals(badJson.toString()),
                    Duration.ofSeconds(30));

            assertThat(header(missingId, "dead-letter-reason")).contains("ce_id");
            assertThat(header(notJson, "dead-letter-reason")).contains("not JSON");
            assertThat(header(notJson, "dead-letter-topic")).isEqualTo(Topics.KYC);
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("audit_ingest_dead_lettered_total{topic=\"kyc.events.v1\"}"));
    }

    @Test
    void oneSubjectsEventsKeepTheirOrder() throws Exception {
        String subject = "order-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(Topics.COMMISSIONS, "commission.earned", "commission-service", subject, "{\"i\":" + i + "}"));
        }
        awaitEntry(ids.get(ids.size() - 1));

        List<UUID> inLog = new ArrayList<>();
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT event_id FROM audit_entry WHERE subject = '" + subject + "' ORDER BY seq")) {
            while (rs.next()) {
                inLog.add(rs.getObject(1, UUID.class));
            }
        }
        assertThat(inLog).containsExactlyElementsOf(ids);
    }

    @Test
    void aFailingDatabaseIsRetriedUntilItWorksNeverDeadLettered() throws Exception {
        String role = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        UUID id;
        try (Connection owner = AuditEvents.owner()) {
            owner.createStatement().execute("REVOKE INSERT ON audit_entry FROM " + role);
            try {
                id = send(Topics.ORDERS, "order.completed", "shop", "retry-" + UUID.randomUUID(), "{\"n\":1}");
                await().atMost(AuditEvents.WAIT).until(() -> ingestion.failingSince() != null);
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body(containsString("audit-ingestion"));
                assertThat(count(id)).isZero();
            } finally {
                owner.createStatement().execute("GRANT INSERT ON audit_entry TO " + role);
            }
        }
        awaitEntry(id);
        await().atMost(AuditEvents.WAIT).until(() -> ingestion.failingSince() == null);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
