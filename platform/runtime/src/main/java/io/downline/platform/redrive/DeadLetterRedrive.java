package io.downline.platform.redrive;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.downline.platform.config.ServiceConfig;
import io.downline.platform.domain.NotFoundException;

/**
 * Puts what a channel's dead-letter topic holds back onto the topic it came from, key, value and CloudEvents
 * headers unchanged (the dead-letter headers are dropped), so that the service consumes it again after a fix.
 * Every consumer of that topic sees the records again; they deduplicate by {@code ce_id}, and a record that
 * is still poison returns to the dead-letter topic. Progress is kept as the offsets of the consumer group
 * {@code <service>.redrive} on the dead-letter topic: a redrive takes only what arrived since the last one.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Config config;
    private final ServiceConfig service;

    public DeadLetterRedrive(Config config, ServiceConfig service) {
        this.config = config;
        this.service = service;
    }

    /** What one redrive did. */
    public record Result(String channel, String deadLetterTopic, int redriven) {
    }

    public Result redrive(String channel) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        String topic = config.getOptionalValue(prefix + "topic", String.class)
                .orElseThrow(() -> new NotFoundException("No consumer channel " + channel));
        String deadLetterTopic = config.getValue(prefix + "dead-letter-queue.topic", String.class);
        String servers = config.getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, String> consumer = consumer(servers);
                KafkaProducer<String, String> producer = producer(servers)) {
            int redriven = copy(consumer, producer, deadLetterTopic, topic);
            LOG.infof("Redrove %d record(s) from %s to %s", redriven, deadLetterTopic, topic);
            return new Result(channel, deadLetterTopic, redriven);
        }
    }

    /** Copies up to the end offsets seen at the start, then commits: a record is at least once on the topic. */
    private static int copy(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer,
            String deadLetterTopic, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, TIMEOUT).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        int copied = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue;
                }
                send(producer, new ProducerRecord<>(topic, null, record.key(), record.value(), withoutDeadLetterHeaders(record)));
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                copied++;
            }
        }
        consumer.commitSync(done, TIMEOUT);
        return copied;
    }

    private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<String, String> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not redrive a record to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while redriving to " + record.topic(), e);
        }
    }

    private KafkaConsumer<String, String> consumer(String servers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, service.name() + ".redrive");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private static KafkaProducer<String, String> producer(String servers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
