package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/** Keeps the outbox gauges current apart from the relay thread, and purges rows sent long ago. */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final Clock clock;

    public OutboxMaintenance(AgroalDataSource dataSource, OutboxConfig config, OutboxMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Refreshed on its own schedule, so the gauges stay current while a round waits on a dead broker. They count on
     * the relay's session settings: the parked rows by their index, and nothing JIT-compiled.
     */
    @Scheduled(every = "${downline.outbox.relay.gauge-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            OutboxStore.prepareSession(connection);
            try {
                metrics.backlog(OutboxStore.backlog(connection));
                metrics.parked(OutboxStore.parked(connection));
            } finally {
                OutboxStore.release(connection);
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int deleted = OutboxStore.deleteSentBefore(connection, clock.instant().minus(config.relay().retention()));
            if (deleted > 0) {
                LOG.infof("Purged %d sent outbox rows", deleted);
            }
        }
    }
}
