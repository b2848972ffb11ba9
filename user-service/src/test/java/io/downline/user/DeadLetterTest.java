package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A record that can never be applied goes at once to the dead-letter topic the platform names for the channel
 * ({@code user-service.<topic>.dlq}); the ones after it still flow. Failures that may pass are never
 * dead-lettered (ProjectionConsumerTest's outage test).
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class DeadLetterTest {

    private static final String KYC_DLQ = "user-service.kyc.events.v1.dlq";
    private static final String ORDERS_DLQ = "user-service.orders.events.v1.dlq";

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsWithoutAnEnvelopeAndEventsThatFailTheirEffectAreDeadLetteredNotLost() {
        Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        try (EventLog deadLetters = EventLog.tailRaw(KYC_DLQ); EventLog orderDeadLetters = EventLog.tailRaw(ORDERS_DLQ)) {
            // 1. No CloudEvents headers at all.
            String noEnvelopeKey = "no-envelope-" + UUID.randomUUID();
            EventPublisher.send(new ProducerRecord<>(Topics.KYC, noEnvelopeKey, "{\"hello\":\"world\"}"));
            // 2. A well-formed envelope whose payload cannot be applied (memberId is not a UUID).
            EventEnvelope poison = new EventEnvelope(UUID.randomUUID(), EventType.KYC_APPROVED.type(), "kyc-service",
                    "case-1", Instant.now(), null, "{\"memberId\":\"not-a-uuid\",\"level\":\"FULL\"}");
            EventPublisher.send(Topics.KYC, poison);
            // 3. A refund that would raise sales: its schema says a refund is positive.
            OrderRefunded negative = new OrderRefunded(UUID.randomUUID(), UUID.randomUUID(), member.id(),
                    Money.of("-5.00", "USD"), new BigDecimal("-5.00"), Instant.now());
            EventEnvelope negativeRefund = EventEnvelope.of(EventType.ORDER_REFUNDED, "shop",
                    negative.orderId().toString(), negative, null);
            EventPublisher.send(Topics.ORDERS, negativeRefund);
            // 4. A good event behind them is still applied.
            EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", UUID.randomUUID(),
                    new KycApproved(UUID.randomUUID(), member.id(), "FULL", "officer-1",
                            Instant.now().plus(Duration.ofDays(365)), Instant.now()));

            deadLetters.awaitRecord(r -> noEnvelopeKey.equals(r.key()), Duration.ofSeconds(30));
            var poisoned = deadLetters.awaitRecord(r -> r.headers().lastHeader("ce_id") != null
                    && new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)
                            .equals(poison.id().toString()),
                    Duration.ofSeconds(30));
            assertThat(poisoned.value()).contains("not-a-uuid");
            assertThat(header(poisoned, "dead-letter-reason")).contains("fails its schema", "$.memberId");

            var refused = orderDeadLetters.awaitRecord(
                    r -> negativeRefund.id().toString().equals(header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(header(refused, "dead-letter-reason")).contains("$.amount.amount", "$.commissionableVolume");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(member.token())
                .get("/api/members/me").then().statusCode(200).body("kyc.status", equalTo("APPROVED"))
                .body("kyc.level", equalTo("FULL")));
    }
}
