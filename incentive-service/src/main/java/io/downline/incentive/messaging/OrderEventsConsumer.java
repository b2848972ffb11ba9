package io.downline.incentive.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.incentive.domain.OrderEvent;
import io.downline.incentive.service.Engine;
import io.downline.incentive.service.OrderBatch;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.inbox.BatchHandler;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sales raise the seller's personal volume in the window of their completion; refunds lower it. A poll is applied
 * in one transaction, set-based ({@link OrderBatch}); one event at a time ({@link Engine}) when the batch cannot be
 * applied whole and when a parked event is replayed.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "incentive-service:orders";

    private final IdempotentConsumer consumer;
    private final Engine engine;
    private final OrderBatch batch;

    public OrderEventsConsumer(IdempotentConsumer consumer, Engine engine, OrderBatch batch) {
        this.consumer = consumer;
        this.engine = engine;
        this.batch = batch;
    }

    @Incoming("order-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(CONSUMER, records, new BatchHandler() {
            @Override
            public void apply(EventEnvelope event) {
                orderEvent(event).ifPresent(OrderEventsConsumer.this::applyOne);
            }

            @Override
            public void applyAll(List<EventEnvelope> events) {
                batch.apply(CONSUMER, events.stream().map(OrderEventsConsumer::orderEvent).flatMap(Optional::stream)
                        .toList());
            }
        });
    }

    private void applyOne(OrderEvent event) {
        if (event instanceof OrderEvent.Completed sale) {
            engine.orderCompleted(sale.orderId(), sale.sellerId(), sale.volume(), sale.completedAt());
        } else if (event instanceof OrderEvent.Refunded refund) {
            engine.orderRefunded(refund.orderId(), refund.volume());
        }
    }

    private static Optional<OrderEvent> orderEvent(EventEnvelope event) {
        return EventType.find(event.type()).flatMap(type -> switch (type) {
            case ORDER_COMPLETED -> {
                OrderCompleted sale = event.payload(OrderCompleted.class);
                yield Optional.of(new OrderEvent.Completed(sale.orderId(), sale.memberId(),
                        sale.commissionableVolume(), sale.completedAt()));
            }
            case ORDER_REFUNDED -> {
                OrderRefunded refund = event.payload(OrderRefunded.class);
                yield Optional.of(new OrderEvent.Refunded(refund.orderId(), refund.commissionableVolume()));
            }
            default -> Optional.empty();
        });
    }
}
