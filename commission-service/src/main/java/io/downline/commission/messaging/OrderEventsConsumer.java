package io.downline.commission.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.commission.service.NewRefund;
import io.downline.commission.service.NewSale;
import io.downline.commission.service.OrderEvents;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

/** Sales and refunds from {@code orders.events.v1}: decode, then the same service the sales endpoint uses. */
@ApplicationScoped
public class OrderEventsConsumer {

    private final IdempotentConsumer consumer;
    private final OrderEvents orders;

    public OrderEventsConsumer(IdempotentConsumer consumer, OrderEvents orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming("order-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("commission-service:orders", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case ORDER_COMPLETED -> {
                    OrderCompleted order = event.payload(OrderCompleted.class);
                    orders.completed(new NewSale(order.orderId(), order.memberId(), order.amount().amount(),
                            order.amount().currency(), order.commissionableVolume(), order.completedAt()));
                }
                case ORDER_REFUNDED -> {
                    OrderRefunded refund = event.payload(OrderRefunded.class);
                    orders.refunded(new NewRefund(refund.refundId(), refund.orderId(), refund.amount().amount(),
                            refund.commissionableVolume(), refund.occurredAt()));
                }
                default -> {
                    // Not an order event.
                }
            }
        });
    }
}
