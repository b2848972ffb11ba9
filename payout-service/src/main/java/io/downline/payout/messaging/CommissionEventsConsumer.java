package io.downline.payout.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.payout.service.EarningsService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.inbox.BatchHandler;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Commission lines into the wallet: earned to pending, released to available, reversed back out. A poll is
 * applied in one transaction ({@code batch=true}); a single event (the platform's one-by-one fallback, a parked
 * event's replay) goes through the same path as a batch of one.
 */
@ApplicationScoped
public class CommissionEventsConsumer implements BatchHandler {

    static final String NAME = "payout-service:commissions";

    private final IdempotentConsumer consumer;
    private final EarningsService earnings;

    public CommissionEventsConsumer(IdempotentConsumer consumer, EarningsService earnings) {
        this.consumer = consumer;
        this.earnings = earnings;
    }

    @Incoming("commission-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(NAME, records, this);
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        earnings.applyAll(events.stream().map(CommissionEventsConsumer::payload).flatMap(Optional::stream).toList());
    }

    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    /** Ranks, period closes and team volumes do not move money. */
    private static Optional<EventPayload> payload(EventEnvelope event) {
        return EventType.find(event.type()).flatMap(type -> switch (type) {
            case COMMISSION_EARNED -> Optional.of(event.payload(CommissionEarned.class));
            case COMMISSION_RELEASED -> Optional.of(event.payload(CommissionReleased.class));
            case COMMISSION_REVERSED -> Optional.of(event.payload(CommissionReversed.class));
            default -> Optional.empty();
        });
    }
}
