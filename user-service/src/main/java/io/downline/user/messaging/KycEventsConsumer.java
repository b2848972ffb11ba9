package io.downline.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.inbox.IdempotentConsumer;
import io.downline.user.service.ProjectionService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The KYC badge on the member, from kyc.approved, kyc.rejected and kyc.expired. */
@ApplicationScoped
public class KycEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ProjectionService projections;

    public KycEventsConsumer(IdempotentConsumer consumer, ProjectionService projections) {
        this.consumer = consumer;
        this.projections = projections;
    }

    @Incoming("kyc-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("user-service:kyc", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case KYC_APPROVED -> projections.kycApproved(event.payload(KycApproved.class));
                case KYC_REJECTED -> projections.kycRejected(event.payload(KycRejected.class));
                case KYC_EXPIRED -> projections.kycExpired(event.payload(KycExpired.class));
                default -> {
                    // Other KYC steps do not show on the badge.
                }
            }
        });
    }
}
