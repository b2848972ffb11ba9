package io.downline.platform.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The batch consumer tests' consumer: a poll at a time, into {@link TeamEvents}; remembers each batch's size. */
@ApplicationScoped
public class BatchInboxTestConsumer {

    public static final String CONSUMER = "platform-test:teams-batch";
    public static final String TOPIC = "platform-test.inbox-batch.v1";

    private final IdempotentConsumer consumer;
    private final TeamEvents teams;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    public BatchInboxTestConsumer(IdempotentConsumer consumer, TeamEvents teams) {
        this.consumer = consumer;
        this.teams = teams;
    }

    @Incoming("inbox-batch-test")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        batchSizes.add(records.count());
        consumer.applyBatch(CONSUMER, records, teams::apply);
    }

    /** The number of records of every batch taken so far. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
