package io.downline.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.notification.service.EventNotifications;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** kyc.events.v1: every event that concerns someone becomes their notification. */
@ApplicationScoped
public class KycEventsConsumer {

    public static final String NAME = "notification-service:kyc";

    private final IdempotentConsumer consumer;
    private final EventNotifications notifications;

    public KycEventsConsumer(IdempotentConsumer consumer, EventNotifications notifications) {
        this.consumer = consumer;
        this.notifications = notifications;
    }

    @Incoming("kyc-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(NAME, records, notifications);
    }
}
