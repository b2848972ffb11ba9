package io.downline.platform.inbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Applies an event's effect at most once per consumer: the effect and the record of its {@code ce_id} in
 * {@code processed_event} commit together, so a redelivered event finds its id and changes nothing.
 * A failing effect is retried a bounded number of times, each in a fresh transaction; then
 * {@link EventProcessingException} is thrown so the channel's dead-letter strategy takes the record.
 *
 * <pre>
 * &#64;Incoming("kyc-events") &#64;Blocking
 * void on(ConsumerRecord&lt;String, String&gt; record) {
 *     consumer.apply("user-service:kyc", record, event -&gt; ...);
 * }
 * </pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager entityManager;
    private final InboxConfig config;

    public IdempotentConsumer(EntityManager entityManager, InboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Returns true when the effect ran, false when the event had been applied before. */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope event;
        try {
            event = CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            // No retry can fix a record without a valid envelope.
            throw new EventProcessingException("Malformed event on " + record.topic() + ": " + e.getMessage(), e);
        }
        Duration delay = config.retryDelay();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, record.topic(), event, handler));
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf(e, "Event %s (%s) failed %d times in %s, sending it to the dead-letter topic",
                            event.id(), event.type(), attempt, consumer);
                    throw new EventProcessingException("Event " + event.id() + " failed: " + e.getMessage(), e);
                }
                LOG.warnf("Event %s (%s) failed in %s (attempt %d of %d): %s", event.id(), event.type(), consumer,
                        attempt, config.maxAttempts(), e.getMessage());
                sleep(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private boolean applyOnce(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, type, topic) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, topic)
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Event %s already applied by %s, skipped", event.id(), consumer);
            return false;
        }
        handler.apply(event);
        return true;
    }

    @Scheduled(every = "6h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventProcessingException("Interrupted while retrying", e);
        }
    }
}
