package io.downline.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The consumer tests' consumer: one record at a time, into {@link TeamEvents}. */
@ApplicationScoped
public class InboxTestConsumer {

    public static final String CONSUMER = "platform-test:teams";
    public static final String TOPIC = "platform-test.inbox.v1";

    private final IdempotentConsumer consumer;
    private final TeamEvents teams;

    public InboxTestConsumer(IdempotentConsumer consumer, TeamEvents teams) {
        this.consumer = consumer;
        this.teams = teams;
    }

    @Incoming("inbox-test")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, teams::apply);
    }
}
