package io.downline.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.inbox.IdempotentConsumer;
import io.downline.user.service.ProjectionService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Live team sales, and a pending seller's activation by their first completed order. */
@ApplicationScoped
public class OrderEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ProjectionService projections;

    public OrderEventsConsumer(IdempotentConsumer consumer, ProjectionService projections) {
        this.consumer = consumer;
        this.projections = projections;
    }

    @Incoming("order-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("user-service:orders", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case ORDER_COMPLETED -> projections.orderCompleted(event.payload(OrderCompleted.class));
                case ORDER_REFUNDED -> projections.orderRefunded(event.payload(OrderRefunded.class));
                default -> {
                    // Not an order event.
                }
            }
        });
    }
}
