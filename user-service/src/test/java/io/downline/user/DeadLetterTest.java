package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A message that cannot be applied goes to the dead-letter topic after bounded retries; the ones after it still flow. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class DeadLetterTest {

    private static final String KYC_DLQ = "user-service.kyc.events.v1.dlq";

    @Test
    void recordsWithoutAnEnvelopeAndEventsThatFailTheirEffectAreDeadLetteredNotLost() {
        Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        try (EventLog deadLetters = EventLog.tailRaw(KYC_DLQ)) {
            // 1. No CloudEvents headers at all.
            String noEnvelopeKey = "no-envelope-" + UUID.randomUUID();
            EventPublisher.send(new ProducerRecord<>(Topics.KYC, noEnvelopeKey, "{\"hello\":\"world\"}"));
            // 2. A well-formed envelope whose payload cannot be applied (memberId is not a UUID).
            EventEnvelope poison = new EventEnvelope(UUID.randomUUID(), EventType.KYC_APPROVED.type(), "kyc-service",
                    "case-1", Instant.now(), null, "{\"memberId\":\"not-a-uuid\",\"level\":\"FULL\"}");
            EventPublisher.send(Topics.KYC, poison);
            // 3. A good event behind them is still applied.
            EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", UUID.randomUUID(),
                    new KycApproved(UUID.randomUUID(), member.id(), "FULL", "officer-1",
                            Instant.now().plus(Duration.ofDays(365)), Instant.now()));

            deadLetters.awaitRecord(r -> noEnvelopeKey.equals(r.key()), Duration.ofSeconds(30));
            var poisoned = deadLetters.awaitRecord(r -> r.headers().lastHeader("ce_id") != null
                    && new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)
                            .equals(poison.id().toString()),
                    Duration.ofSeconds(30));
            assertThat(poisoned.value()).contains("not-a-uuid");
            assertThat(poisoned.headers().lastHeader("dead-letter-reason")).isNotNull();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(member.token())
                .get("/api/members/me").then().statusCode(200).body("kyc.status", equalTo("APPROVED"))
                .body("kyc.level", equalTo("FULL")));
    }
}
