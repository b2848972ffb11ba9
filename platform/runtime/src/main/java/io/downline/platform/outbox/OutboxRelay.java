package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in id order, on its own thread, and marks a row sent only after the
 * broker acknowledged it. It wakes on the outbox's NOTIFY (sent at commit), with a slow poll as a safety
 * net. When the broker is down, rows stay unsent and are retried with back-off, oldest first. Order per
 * aggregate holds because each round sends at most one event per aggregate, in id order, and the next
 * event of that aggregate goes out only after the broker acknowledged the previous one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final ServiceConfig service;
    private final OutboxMetrics metrics;
    private final String bootstrapServers;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, ServiceConfig service, OutboxMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.service = service;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = OutboxProducer.create(bootstrapServers, service, config);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        worker.interrupt();
        worker.join(Duration.ofSeconds(10).toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    /** The backlog gauge, refreshed apart from the relay thread: it stays current while a round waits on a dead broker. */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            metrics.backlog(OutboxStore.backlog(connection));
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int deleted = OutboxStore.deleteSentBefore(connection, Instant.now().minus(config.relay().retention()));
            if (deleted > 0) {
                LOG.infof("Purged %d sent outbox rows", deleted);
            }
        }
    }

    private void run() {
        Duration backoff = config.relay().initialBackoff();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    backoff = lead(connection, backoff);
                } finally {
                    OutboxStore.release(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox relay lost its database connection, retrying in %s: %s", backoff, e.getMessage());
                    sleep(backoff);
                    backoff = next(backoff);
                }
            }
        }
    }

    /** Waits to become the one publishing relay of this schema, then publishes until stopped or an error. */
    private Duration lead(Connection connection, Duration backoff) throws SQLException {
        String schema = OutboxStore.currentSchema(connection);
        while (running && !OutboxStore.tryLeadership(connection, schema)) {
            sleep(config.relay().pollInterval());
        }
        OutboxStore.listen(connection, schema);
        OutboxStore.relaxDurability(connection);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Duration delay = backoff;
        while (running) {
            Round round = publishRound(connection);
            if (round.failed() > 0) {
                sleep(delay);
                delay = next(delay);
            } else {
                delay = config.relay().initialBackoff();
                if (!round.more()) {
                    // Nothing more queued: wait for the next commit's NOTIFY (or the poll interval).
                    notifications.getNotifications((int) config.relay().pollInterval().toMillis());
                }
            }
        }
        return delay;
    }

    private Round publishRound(Connection connection) throws SQLException {
        List<OutboxRow> rows = OutboxStore.unsent(connection, config.relay().batchSize());
        if (rows.isEmpty()) {
            return new Round(0, false);
        }
        // One event per aggregate per round: a later event of an aggregate is sent only once the earlier
        // one is acknowledged, so a failed send can never be overtaken by its successor.
        Set<String> aggregatesInRound = new HashSet<>();
        List<InFlight> inFlight = new ArrayList<>(rows.size());
        boolean deferred = false;
        int failed = 0;
        for (OutboxRow row : rows) {
            if (!aggregatesInRound.add(row.aggregateId())) {
                deferred = true;
                continue;
            }
            try {
                inFlight.add(new InFlight(row, producer.send(record(row))));
            } catch (RuntimeException e) {
                // send() refused at once (no metadata, buffer full): the broker is gone, stop this round.
                OutboxStore.markFailed(connection, row.id(), e.getMessage());
                metrics.failed();
                failed++;
                break;
            }
        }
        long deadline = System.nanoTime() + config.relay().ackTimeout().toNanos();
        List<Long> sent = new ArrayList<>(inFlight.size());
        for (InFlight pending : inFlight) {
            try {
                pending.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(pending.row().id());
                metrics.published(Duration.between(pending.row().createdAt(), Instant.now()));
            } catch (ExecutionException | TimeoutException e) {
                String reason = e instanceof ExecutionException ? e.getCause().getMessage() : "no acknowledgement in time";
                OutboxStore.markFailed(connection, pending.row().id(), reason);
                metrics.failed();
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        OutboxStore.markSent(connection, sent);
        if (failed > 0) {
            LOG.warnf("Outbox relay: %d of %d events not acknowledged, will retry", failed, inFlight.size());
        }
        return new Round(failed, deferred || rows.size() == config.relay().batchSize());
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        EventEnvelope envelope = new EventEnvelope(row.eventId(), row.type(), service.name(), row.aggregateId(),
                row.createdAt(), row.traceparent(), row.payload());
        return CloudEventCodec.toRecord(row.topic(), envelope);
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : doubled;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record InFlight(OutboxRow row, Future<RecordMetadata> ack) {
    }

    /** How a round went: sends that failed, and whether unsent rows are already waiting for the next round. */
    private record Round(int failed, boolean more) {
    }
}
