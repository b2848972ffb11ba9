package io.downline.commission.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.commission.service.NewRefund;
import io.downline.commission.service.NewSale;
import io.downline.commission.service.OrderEvent;
import io.downline.commission.service.OrderEvents;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.inbox.BatchHandler;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sales and refunds from {@code orders.events.v1}, a poll at a time in one transaction (see
 * platform/runtime/docs/consumers.md, "Batches"): decoded, then the same service the sales endpoint uses, the
 * poll's sales set-based. One event alone (the batch's fallback, a parked event replayed) takes the same path.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final String CONSUMER = "commission-service:orders";

    private final IdempotentConsumer consumer;
    private final OrderEvents orders;
    private final BatchHandler handler = new BatchHandler() {
        @Override
        public void apply(EventEnvelope event) {
            decode(event).ifPresent(order -> orders.applyAll(List.of(order)));
        }

        @Override
        public void applyAll(List<EventEnvelope> events) {
            List<OrderEvent> decoded = new ArrayList<>(events.size());
            events.forEach(event -> decode(event).ifPresent(decoded::add));
            orders.applyAll(decoded);
        }
    };

    public OrderEventsConsumer(IdempotentConsumer consumer, OrderEvents orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming("order-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(CONSUMER, records, handler);
    }

    private static Optional<OrderEvent> decode(EventEnvelope event) {
        return EventType.find(event.type()).map(type -> switch (type) {
            case ORDER_COMPLETED -> {
                OrderCompleted order = event.payload(OrderCompleted.class);
                yield new NewSale(order.orderId(), order.memberId(), order.amount().amount(),
                        order.amount().currency(), order.commissionableVolume(), order.completedAt());
            }
            case ORDER_REFUNDED -> {
                OrderRefunded refund = event.payload(OrderRefunded.class);
                yield new NewRefund(refund.refundId(), refund.orderId(), refund.amount().amount(),
                        refund.commissionableVolume(), refund.occurredAt());
            }
            default -> null;
        });
    }
}
