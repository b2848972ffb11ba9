package io.downline.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes expired keys, so that the table holds only the retention window's keys. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;

    public IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "${downline.idempotency.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            LOG.debugf("Purged %d expired idempotency keys", purged);
        }
    }
}
