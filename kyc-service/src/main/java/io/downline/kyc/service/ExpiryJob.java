package io.downline.kyc.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.kyc.domain.KycCase;
import io.downline.kyc.repository.CaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Expires approved cases whose validity has run out ({@code kyc.expired}), in batches of one transaction each.
 * Instances share the work: rows another instance holds are skipped.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    private static final int BATCH = 200;

    private final CaseRepository cases;
    private final KycEvents events;
    private final Clock clock;

    public ExpiryJob(CaseRepository cases, KycEvents events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(identity = "kyc-expiry", every = "${kyc.expiry.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = expireDue();
        if (expired > 0) {
            LOG.infof("Expired %d approved KYC cases", expired);
        }
    }

    /** Expires every approved case due at the clock's now; returns how many. */
    public int expireDue() {
        Instant now = KycCase.micros(clock.instant());
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<KycCase> due = cases.lockDueForExpiry(now, BATCH);
                for (KycCase c : due) {
                    KycCase expired = c.expire(now);
                    cases.update(expired);
                    events.expired(expired);
                }
                return due.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
