package io.downline.commission.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Runs {@link ReleaseService} on a schedule until no due line is left. */
@ApplicationScoped
public class ReleaseJob {

    private static final Logger LOG = Logger.getLogger(ReleaseJob.class);

    private final ReleaseService releases;

    public ReleaseJob(ReleaseService releases) {
        this.releases = releases;
    }

    @Scheduled(identity = "commission-release", every = "${downline.commission.release.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = 0;
        int released;
        do {
            released = releases.releaseDue();
            total += released;
        } while (released > 0);
        if (total > 0) {
            LOG.infof("Released %d commission line(s)", total);
        }
    }
}
