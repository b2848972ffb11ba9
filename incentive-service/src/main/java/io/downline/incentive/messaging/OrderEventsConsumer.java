package io.downline.incentive.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.incentive.service.Engine;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Sales raise the seller's personal volume in the window of their completion; refunds lower it. */
@ApplicationScoped
public class OrderEventsConsumer {

    private final IdempotentConsumer consumer;
    private final Engine engine;

    public OrderEventsConsumer(IdempotentConsumer consumer, Engine engine) {
        this.consumer = consumer;
        this.engine = engine;
    }

    @Incoming("order-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("incentive-service:orders", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case ORDER_COMPLETED -> {
                    OrderCompleted sale = event.payload(OrderCompleted.class);
                    engine.orderCompleted(sale.orderId(), sale.memberId(), sale.commissionableVolume(),
                            sale.completedAt());
                }
                case ORDER_REFUNDED -> {
                    OrderRefunded refund = event.payload(OrderRefunded.class);
                    engine.orderRefunded(refund.orderId(), refund.commissionableVolume());
                }
                default -> {
                    // Not an order event.
                }
            }
        });
    }
}
