package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.config.ServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in id order, on its own thread, and marks a row sent only after the
 * broker acknowledged it. It wakes on the outbox's NOTIFY (sent at commit), with a slow poll as a safety
 * net. Only one relay per service schema publishes (a PostgreSQL advisory lock); the others stand by.
 *
 * <p>A failed send holds back only its own aggregate, with back-off (see {@link RelayRound}); a row the broker
 * keeps refusing is parked. When nothing gets through at all (broker away), the whole relay backs off. If the
 * relay thread dies of anything (any {@link Throwable}), the {@code outbox-relay} health check is DOWN and the
 * thread is started again after {@code downline.outbox.relay.restart-delay}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    enum State {
        DISABLED, STOPPED, STANDBY, LEADING, DEAD
    }

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final ServiceConfig service;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final String bootstrapServers;
    private final AtomicInteger restarts = new AtomicInteger();

    private volatile boolean running;
    private volatile State state = State.STOPPED;
    private volatile Throwable death;
    private volatile long diedAtNanos;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, ServiceConfig service, OutboxMetrics metrics,
            Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            state = State.DISABLED;
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    synchronized void start() {
        running = true;
        producer = OutboxProducer.create(bootstrapServers, service, config);
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    synchronized void stop() throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        worker.interrupt();
        worker.join(Duration.ofSeconds(10).toMillis());
        producer.close(Duration.ofSeconds(5));
        worker = null;
        if (state != State.DEAD) {
            state = State.STOPPED;
        }
    }

    /** Starts a relay thread that died again, once it has been down for the restart delay. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void supervise() {
        if (running && state == State.DEAD
                && System.nanoTime() - diedAtNanos >= config.relay().restartDelay().toNanos()) {
            restarts.incrementAndGet();
            LOG.warnf("Restarting the outbox relay thread (restart %d)", restarts.get());
            start();
        }
    }

    State state() {
        return state;
    }

    Throwable death() {
        return death;
    }

    int restarts() {
        return restarts.get();
    }

    private void work() {
        try {
            run();
            state = State.STOPPED;
        } catch (Throwable t) {
            died(t);
        }
    }

    private void died(Throwable t) {
        death = t;
        diedAtNanos = System.nanoTime();
        state = State.DEAD;
        LOG.errorf(t, "Outbox relay thread died; events stay in the outbox; restarting in %s",
                config.relay().restartDelay());
        producer.close(Duration.ZERO);
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
        state = State.STANDBY;
        while (running && !OutboxStore.tryLeadership(connection, schema)) {
            sleep(config.relay().pollInterval());
        }
        if (!running) {
            return backoff;
        }
        state = State.LEADING;
        OutboxStore.listen(connection, schema);
        OutboxStore.prepareSession(connection);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Duration delay = backoff;
        Instant nextRetry = null;
        RelayRound ahead = null;
        while (running) {
            RelayRound round = ahead != null ? ahead : newRound(connection).start(null);
            // While this round's acknowledgements are on their way, the next round reads and sends what is due
            // (when more rows wait or a commit's NOTIFY came in meanwhile), leaving out this round's rows and
            // aggregates: a new row waits for the round before it to be sent, not to be acknowledged and marked.
            ahead = round.pipelines() && (round.full() || notified(notifications))
                    ? newRound(connection).start(round) : null;
            RelayRound.Result result = round.finish();
            if (result.nextRetry() != null && (nextRetry == null || result.nextRetry().isBefore(nextRetry))) {
                nextRetry = result.nextRetry();
            }
            if (result.brokerAway()) {
                sleep(delay);
                delay = next(delay);
            } else {
                delay = config.relay().initialBackoff();
                if (ahead == null && !result.more()) {
                    // Nothing more due: wait for the next commit's NOTIFY, a held-back aggregate's retry time,
                    // or the poll interval, whichever comes first.
                    Duration wait = config.relay().pollInterval();
                    if (nextRetry != null) {
                        Duration untilRetry = Duration.between(clock.instant(), nextRetry);
                        nextRetry = untilRetry.compareTo(wait) < 0 ? null : nextRetry;
                        wait = untilRetry.compareTo(wait) < 0 ? untilRetry : wait;
                    }
                    notifications.getNotifications((int) Math.max(1, wait.toMillis()));
                }
            }
        }
        if (ahead != null) {
            // Stopping: mark what the broker acknowledged, so that it is not published again by the next relay.
            ahead.finish();
        }
        return delay;
    }

    private RelayRound newRound(Connection connection) {
        return new RelayRound(connection, producer, config.relay(), metrics, clock, service.name());
    }

    /** Whether a commit's NOTIFY arrived since the last look, without waiting. */
    private static boolean notified(PGConnection notifications) throws SQLException {
        PGNotification[] received = notifications.getNotifications();
        return received != null && received.length > 0;
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
}
