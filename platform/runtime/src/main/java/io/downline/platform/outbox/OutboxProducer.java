package io.downline.platform.outbox;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.downline.platform.config.ServiceConfig;

/**
 * Builds the relay's idempotent producer: acks=all, ordered per partition, no linger, and timeouts that
 * keep one round short while the broker is away (the rows stay unsent and are retried; nothing waits minutes).
 */
final class OutboxProducer {

    private OutboxProducer() {
    }

    static KafkaProducer<String, String> create(String bootstrapServers, ServiceConfig service, OutboxConfig config) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-outbox");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // No linger: a round sends its rows back to back and then waits for their acknowledgements, so the
        // records of a round batch up behind the first in-flight request anyway; a linger would only delay it.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // A queued record fails after delivery.timeout.ms (>= linger + request timeout); the round's ack wait
        // (downline.outbox.relay.ack-timeout) is a little longer, so it sees that failure rather than cutting it.
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        // send() blocks the relay thread while the topic's metadata is unknown: keep that short.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.putAll(config.relay().producer());
        return new KafkaProducer<>(properties);
    }
}
