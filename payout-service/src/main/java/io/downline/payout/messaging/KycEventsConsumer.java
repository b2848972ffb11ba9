package io.downline.payout.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.payout.service.KycProjectionService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The per-case KYC projection: approved, rejected, expired. */
@ApplicationScoped
public class KycEventsConsumer {

    static final String NAME = "payout-service:kyc";

    private final IdempotentConsumer consumer;
    private final KycProjectionService kyc;

    public KycEventsConsumer(IdempotentConsumer consumer, KycProjectionService kyc) {
        this.consumer = consumer;
        this.kyc = kyc;
    }

    @Incoming("kyc-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(NAME, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case KYC_APPROVED -> kyc.approved(event.payload(KycApproved.class));
                case KYC_REJECTED -> kyc.rejected(event.payload(KycRejected.class));
                case KYC_EXPIRED -> kyc.expired(event.payload(KycExpired.class));
                default -> {
                    // Submissions and reviews in progress do not change whether a member may be paid out.
                }
            }
        });
    }
}
