package io.downline.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventSchemas;
import io.downline.platform.events.EventType;
import io.downline.platform.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Applies an event's effect at most once per consumer: the effect and the record of its {@code ce_id} in
 * {@code processed_event} commit together, so a redelivered event finds its id and changes nothing.
 * <ul>
 * <li>Poison (no readable envelope, a payload that fails its JSON Schema, a refusal of the domain, see
 * {@link Failures}): {@link EventProcessingException} is thrown, and the channel's dead-letter strategy sends
 * the record to {@code <service>.<topic>.dlq}.</li>
 * <li>Anything else that fails is retried, each attempt in a fresh transaction, with capped exponential
 * back-off, for as long as it takes: the method does not return, so the channel does not move on and the
 * offset is not committed. Meanwhile the consumer shows in {@code downline_consumer_stuck} and, after
 * {@code downline.inbox.stuck-after}, in the {@code consumers} readiness check.</li>
 * <li>A handler that throws {@link WaitingFor} has its event parked (see {@link Parking}).</li>
 * <li>A version of a type this consumer does not read is ignored (see {@link DataSchemaVersion}).</li>
 * </ul>
 *
 * <pre>
 * &#64;Incoming("kyc-events") &#64;Blocking
 * void on(ConsumerRecord&lt;String, String&gt; record) {
 *     consumer.apply("user-service:kyc", record, event -&gt; ...);
 * }
 * </pre>
 *
 * A hot channel takes a poll at a time ({@code batch=true}) and applies it in one transaction with
 * {@link #applyBatch}, with the same promises per record.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final Parking parking;
    private final EventHandlers handlers;
    private final ConsumerStatus status;
    private final InboxConfig config;
    private final Clock clock;

    public IdempotentConsumer(ProcessedEvents processed, DeadLetters deadLetters, Parking parking, EventHandlers handlers, ConsumerStatus status,
            InboxConfig config, Clock clock) {
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.parking = parking;
        this.handlers = handlers;
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    /** Returns true when the effect ran, false when the event had been applied before, was parked or ignored. */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        handlers.register(consumer, handler);
        Optional<EventEnvelope> event = readable(consumer, record);
        return event.isPresent() && parking.consuming(
                () -> applyHoldingThePartition(consumer, record.topic(), event.get(), handler));
    }

    /**
     * Applies a poll's records (a channel with {@code batch=true}) in one transaction: one statement records their
     * ids, the handler applies the new ones, one commit. Same promises as {@link #apply}, record by record: poison
     * goes to the dead-letter topic (sent here, see {@link DeadLetters}), an event applied before is skipped, one
     * that waits is parked, a transient failure holds the partition. When the transaction fails, it is rolled back
     * and the batch's events are applied one by one with {@link #apply}'s rules, so one event that cannot pass
     * never takes the others with it. Returns how many events took effect.
     */
    public int applyBatch(String consumer, Iterable<ConsumerRecord<String, String>> records, BatchHandler handler) {
        handlers.register(consumer, handler);
        List<ConsumerRecord<String, String>> ready = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable(consumer, record).ifPresent(event -> {
                    ready.add(record);
                    events.add(event);
                });
            } catch (EventProcessingException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        return parking.consuming(() -> applyReady(consumer, ready, events, handler));
    }

    private int applyReady(String consumer, List<ConsumerRecord<String, String>> ready, List<EventEnvelope> events,
            BatchHandler handler) {
        try {
            int applied = QuarkusTransaction.requiringNew().call(() -> applyAllOnce(consumer, ready, events, handler));
            parking.replayReleased();
            return applied;
        } catch (RuntimeException e) {
            LOG.debugf("A batch of %d events failed in %s (%s); applying them one by one", events.size(), consumer,
                    e.getMessage());
            return applyOneByOne(consumer, ready, events, handler);
        }
    }

    private int applyAllOnce(String consumer, List<ConsumerRecord<String, String>> records, List<EventEnvelope> events,
            BatchHandler handler) {
        Set<UUID> fresh = processed.recordAll(consumer, events, records.stream().map(ConsumerRecord::topic).toList());
        List<EventEnvelope> toApply = new ArrayList<>(fresh.size());
        for (EventEnvelope event : events) {
            if (fresh.remove(event.id())) {
                toApply.add(event);
            }
        }
        if (toApply.size() < events.size()) {
            LOG.debugf("%d events of a batch already applied by %s, skipped", events.size() - toApply.size(), consumer);
        }
        handler.applyAll(toApply);
        return toApply.size();
    }

    private int applyOneByOne(String consumer, List<ConsumerRecord<String, String>> records, List<EventEnvelope> events,
            BatchHandler handler) {
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            try {
                if (applyHoldingThePartition(consumer, records.get(i).topic(), events.get(i), handler)) {
                    applied++;
                }
            } catch (EventProcessingException e) {
                deadLetters.send(records.get(i), e.getMessage());
            }
        }
        return applied;
    }

    /** The record's event, or empty for a version this consumer does not read; poison is thrown. */
    private Optional<EventEnvelope> readable(String consumer, ConsumerRecord<String, String> record) {
        EventEnvelope event = decode(consumer, record);
        Optional<EventType> type = EventType.find(event.type());
        if (type.isPresent()) {
            if (!readsVersion(consumer, record, type.get())) {
                return Optional.empty();
            }
            List<String> violations = EventSchemas.validate(type.get(), event.data());
            if (!violations.isEmpty()) {
                throw poison(consumer, "Event " + event.id() + " (" + event.type() + ") fails its schema: "
                        + String.join("; ", violations), null);
            }
        }
        return Optional.of(event);
    }

    private EventEnvelope decode(String consumer, ConsumerRecord<String, String> record) {
        try {
            return CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            throw poison(consumer, "Malformed event on " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    /** A record without {@code ce_dataschema} is taken as the version this consumer reads. */
    private boolean readsVersion(String consumer, ConsumerRecord<String, String> record, EventType type) {
        String dataSchema = CloudEventCodec.header(record.headers(), CloudEventHeaders.DATA_SCHEMA);
        if (dataSchema == null) {
            return true;
        }
        OptionalInt version = DataSchemaVersion.of(dataSchema, type.type());
        if (version.isEmpty()) {
            throw poison(consumer, "Event of type " + type.type() + " names an unknown schema " + dataSchema, null);
        }
        if (version.getAsInt() != type.version()) {
            status.skipped(consumer, "version");
            LOG.debugf("%s v%d ignored by %s, which reads v%d", type.type(), version.getAsInt(), consumer,
                    type.version());
            return false;
        }
        return true;
    }

    private boolean applyHoldingThePartition(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        Backoff backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay());
        for (int failures = 0;;) {
            try {
                boolean applied = attempt(consumer, topic, event, handler);
                status.recovered(consumer, event.id().toString());
                parking.replayReleased();
                return applied;
            } catch (RuntimeException e) {
                if (Failures.isPoison(e)) {
                    status.recovered(consumer, event.id().toString());
                    throw poison(consumer, "Event " + event.id() + " (" + event.type() + ") cannot be applied: "
                            + e.getMessage(), e);
                }
                failures++;
                status.failed(consumer, event.id().toString(), failures, e);
                Duration delay = backoff.after(failures);
                if (failures == 1) {
                    LOG.warnf(e, "Event %s (%s) failed in %s; retrying in %s until it succeeds", event.id(),
                            event.type(), consumer, delay);
                } else {
                    LOG.warnf("Event %s (%s) failed in %s (%d failures, next attempt in %s): %s", event.id(),
                            event.type(), consumer, failures, delay, e.getMessage());
                }
                Backoff.pause(delay);
            }
        }
    }

    /** One attempt in its own transaction; a handler waiting for something has the event parked instead. */
    private boolean attempt(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!processed.record(consumer, topic, event)) {
                    LOG.debugf("Event %s already applied by %s, skipped", event.id(), consumer);
                    return false;
                }
                handler.apply(event);
                return true;
            });
        } catch (RuntimeException e) {
            Optional<WaitingFor> waiting = Failures.waitingFor(e);
            if (waiting.isEmpty()) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.record(consumer, topic, event)) {
                    parking.park(consumer, topic, event, waiting.get().key());
                }
            });
            parking.refreshCount();
            return false;
        }
    }

    private EventProcessingException poison(String consumer, String message, Throwable cause) {
        status.deadLettered(consumer);
        LOG.errorf(cause, "%s; %s sends it to its dead-letter topic", message, consumer);
        return new EventProcessingException(message, cause);
    }

    @Scheduled(every = "6h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> processed.purgeBefore(clock.instant().minus(config.retention())));
    }

}
