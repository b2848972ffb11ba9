package io.downline.payout.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.payout.service.EarningsService;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.inbox.BatchHandler;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Cash incentive awards into the wallet, a poll per transaction like the commission events. */
@ApplicationScoped
public class IncentiveEventsConsumer implements BatchHandler {

    static final String NAME = "payout-service:incentives";

    private final IdempotentConsumer consumer;
    private final EarningsService earnings;

    public IncentiveEventsConsumer(IdempotentConsumer consumer, EarningsService earnings) {
        this.consumer = consumer;
        this.earnings = earnings;
    }

    @Incoming("incentive-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(NAME, records, this);
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        earnings.applyAll(events.stream().filter(event -> EventType.INCENTIVE_AWARDED.type().equals(event.type()))
                .map(event -> event.payload(IncentiveAwarded.class)).toList());
    }

    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }
}
