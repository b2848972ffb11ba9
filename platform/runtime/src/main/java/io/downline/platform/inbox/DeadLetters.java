package io.downline.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.downline.platform.config.ServiceConfig;

/**
 * The dead-letter topic of a batch consumer, which cannot use the channel's {@code dead-letter-queue} failure
 * strategy (a nacked batch would send every record of it). A record goes to {@code <service>.<topic>.dlq}, the
 * name {@code ConsumerDefaults} gives every channel, unchanged (key, value, headers) plus the same
 * {@code dead-letter-*} headers as the strategy, so that redrive treats both alike. The send is retried until the
 * broker acknowledges it: the batch is acknowledged only after its dead letters are on the broker.
 */
@ApplicationScoped
class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final ServiceConfig service;
    private final InboxConfig config;
    private KafkaProducer<String, String> producer;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            ServiceConfig service, InboxConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
        this.config = config;
    }

    void send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        String topic = service.name() + "." + record.topic() + ".dlq";
        ProducerRecord<String, String> deadLetter = new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
        Backoff backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay());
        for (int failures = 1;; failures++) {
            try {
                producer().send(deadLetter).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Could not send record %s-%d@%d to %s (%s); retrying", record.topic(), record.partition(),
                        record.offset(), topic, e.getMessage());
                Backoff.pause(backoff.after(failures));
            } catch (InterruptedException e) {
                // Same rule as a held record: the batch stays unacknowledged rather than lose its dead letter.
                LOG.debug("Interrupted while sending a dead letter; retrying");
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-dead-letters");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
