package io.downline.incentive.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.incentive.service.Engine;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The "KYC approved" criterion: an approval meets it, the approval's expiry takes it away. */
@ApplicationScoped
public class KycEventsConsumer {

    private final IdempotentConsumer consumer;
    private final Engine engine;

    public KycEventsConsumer(IdempotentConsumer consumer, Engine engine) {
        this.consumer = consumer;
        this.engine = engine;
    }

    @Incoming("kyc-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("incentive-service:kyc", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case KYC_APPROVED -> {
                    KycApproved approved = event.payload(KycApproved.class);
                    engine.kycChanged(approved.memberId(), true, approved.occurredAt());
                }
                case KYC_EXPIRED -> {
                    KycExpired expired = event.payload(KycExpired.class);
                    engine.kycChanged(expired.memberId(), false, expired.occurredAt());
                }
                default -> {
                    // Submissions, reviews and rejections change no standing approval.
                }
            }
        });
    }
}
