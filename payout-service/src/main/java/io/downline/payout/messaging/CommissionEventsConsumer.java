package io.downline.payout.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.payout.service.EarningsService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Commission lines into the wallet: earned to pending, released to available, reversed back out. */
@ApplicationScoped
public class CommissionEventsConsumer {

    static final String NAME = "payout-service:commissions";

    private final IdempotentConsumer consumer;
    private final EarningsService earnings;

    public CommissionEventsConsumer(IdempotentConsumer consumer, EarningsService earnings) {
        this.consumer = consumer;
        this.earnings = earnings;
    }

    @Incoming("commission-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(NAME, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case COMMISSION_EARNED -> earnings.commissionEarned(event.payload(CommissionEarned.class));
                case COMMISSION_RELEASED -> earnings.commissionReleased(event.payload(CommissionReleased.class));
                case COMMISSION_REVERSED -> earnings.commissionReversed(event.payload(CommissionReversed.class));
                default -> {
                    // Ranks, period closes and team volumes do not move money.
                }
            }
        });
    }
}
