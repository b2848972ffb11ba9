package io.downline.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventSchemas;
import io.downline.platform.events.EventType;

/**
 * Reads a topic from the moment it is opened, so a test can await the events its actions cause. Every
 * event read is checked against its JSON Schema.
 *
 * <pre>
 * try (EventLog users = EventLog.tail(Topics.USERS)) {
 *     ... act ...
 *     EventEnvelope e = users.await(EventType.MEMBER_REGISTERED, memberId);
 * }
 * </pre>
 */
public final class EventLog implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    private final boolean raw;

    private EventLog(String topic, boolean raw) {
        this.raw = raw;
        ensureTopic(topic);
        consumer = consumerAtEnd(topic, Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20"));
    }

    /**
     * A consumer of every partition of the topic, positioned at its current end, with no group offsets: the
     * plain reader behind {@link EventLog}, for a test that reads at volume and tunes fetching itself (a
     * benchmark). {@code overrides} are consumer properties.
     */
    public static KafkaConsumer<String, String> consumerAtEnd(String topic, Map<String, Object> overrides) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.putAll(overrides);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        // A topic created a moment ago may not be in the metadata yet: its partitions list comes back empty.
        List<TopicPartition> partitions = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList(), found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, not at the first poll
        return consumer;
    }

    /** A topic nobody has written yet (a dead-letter topic, say) is created, so it can be tailed from its start. */
    private static void ensureTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts reading the topic at its current end. */
    public static EventLog tail(String topic) {
        return new EventLog(topic, false);
    }

    /** Reads records without parsing them as events, e.g. a dead-letter topic. */
    public static EventLog tailRaw(String topic) {
        return new EventLog(topic, true);
    }

    /** Waits until a raw record matches, and returns it. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var found = records.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching record within " + timeout + "; saw " + records.size());
            }
            poll(Duration.ofMillis(100));
        }
    }

    /** Waits for the first event of the type about the subject, checks it against its schema, returns it. */
    public EventEnvelope await(EventType type, Object subject) {
        return await(type, e -> e.subject().equals(String.valueOf(subject)));
    }

    public EventEnvelope await(EventType type, Predicate<EventEnvelope> match) {
        List<EventEnvelope> found = awaitCount(type, match, 1, DEFAULT_TIMEOUT);
        return found.get(0);
    }

    /** Waits until at least {@code count} matching events have arrived; returns all that match, in order. */
    public List<EventEnvelope> awaitCount(EventType type, Predicate<EventEnvelope> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<EventEnvelope> found = matching(type, match);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " " + type.type() + " event(s), saw " + found.size()
                        + "; all events seen: " + seen.stream().map(e -> e.type() + "/" + e.subject()).toList());
            }
            poll(Duration.ofMillis(100));
        }
    }

    /** Reads for the given time and returns every event of the type seen so far (to prove one was NOT sent). */
    public List<EventEnvelope> drain(EventType type, Predicate<EventEnvelope> match, Duration quietFor) {
        long deadline = System.nanoTime() + quietFor.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        return matching(type, match);
    }

    /** Every event seen so far, in arrival order. */
    public List<EventEnvelope> seen() {
        poll(Duration.ofMillis(50));
        return List.copyOf(seen);
    }

    /** The raw records seen so far, headers and keys included. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    private List<EventEnvelope> matching(EventType type, Predicate<EventEnvelope> match) {
        return seen.stream().filter(e -> e.type().equals(type.type())).filter(match).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            records.add(record);
            if (raw) {
                continue;
            }
            EventEnvelope event = CloudEventCodec.fromRecord(record);
            // Every event any test sees must match its published contract, not only the awaited ones.
            EventType.find(event.type()).ifPresent(type -> EventSchemas.assertValid(type, event.data()));
            seen.add(event);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
