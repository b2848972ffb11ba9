package io.downline.payout.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.payout.service.EarningsService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Cash incentive awards into the wallet. */
@ApplicationScoped
public class IncentiveEventsConsumer {

    static final String NAME = "payout-service:incentives";

    private final IdempotentConsumer consumer;
    private final EarningsService earnings;

    public IncentiveEventsConsumer(IdempotentConsumer consumer, EarningsService earnings) {
        this.consumer = consumer;
        this.earnings = earnings;
    }

    @Incoming("incentive-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(NAME, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (EventType.INCENTIVE_AWARDED.type().equals(event.type())) {
            earnings.incentiveAwarded(event.payload(IncentiveAwarded.class));
        }
    }
}
