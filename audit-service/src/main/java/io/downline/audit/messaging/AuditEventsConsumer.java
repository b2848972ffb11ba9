package io.downline.audit.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.downline.audit.domain.MalformedPayloadException;
import io.downline.audit.domain.NewEntry;
import io.downline.audit.service.Ingestion;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Every domain topic, in batches (one poll each): records that can never be appended go to their dead-letter topic
 * first, then the rest is appended in one transaction, in the order of the batch (each partition's records in
 * offset order). The channel is processed in order, one batch at a time, and a batch is acknowledged (its offsets
 * committed) only after both.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventsConsumer.class);

    private final Ingestion ingestion;
    private final DeadLetters deadLetters;

    public AuditEventsConsumer(Ingestion ingestion, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @Incoming("events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        List<NewEntry> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(EventDecoder.decode(record));
            } catch (MalformedPayloadException e) {
                LOG.errorf("Record %s-%d@%d cannot be appended (%s); it goes to its dead-letter topic", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, e.getMessage());
            }
        }
        ingestion.append(batch);
    }
}
