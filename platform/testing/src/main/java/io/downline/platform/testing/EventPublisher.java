package io.downline.platform.testing;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.RecordMetadata;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;

/** Puts events onto the real broker as another service would, to test a service's consumers. */
public final class EventPublisher {

    private EventPublisher() {
    }

    /** Publishes a fresh event (new ce_id) and returns its envelope. */
    public static EventEnvelope publish(EventType type, String source, Object subject, EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(type, source, String.valueOf(subject), payload, null);
        send(type.topic(), envelope);
        return envelope;
    }

    /** Publishes a given envelope, e.g. the same one twice to test idempotence. */
    public static void send(String topic, EventEnvelope envelope) {
        send(CloudEventCodec.toRecord(topic, envelope));
    }

    /** Publishes any record, also a malformed one. */
    public static void send(ProducerRecord<String, String> record) {
        sendTogether(List.of(record));
    }

    /**
     * Publishes records in one go: held by the producer until the last is queued, then sent in one request per
     * partition, so that a consumer polling the topic receives them in the same poll (a batch).
     */
    public static void sendTogether(List<ProducerRecord<String, String>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish test event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
