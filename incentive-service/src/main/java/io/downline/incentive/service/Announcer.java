package io.downline.incentive.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.domain.PendingAnnouncement;
import io.downline.incentive.repository.AnnouncementStore;
import io.downline.platform.events.EventType;
import io.downline.platform.events.incentives.IncentiveProgressUpdated;
import io.downline.platform.outbox.OutboxWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Coalesces {@code incentive.progress-updated}. The engine only marks a changed row ({@code progress_announcement},
 * in the event's own transaction, so the mark is as durable as the change). This job takes marked rows last announced
 * at least {@code min-interval} ago, writes one event per row with the figures as they are <em>now</em> to the
 * outbox, and clears the mark, in one transaction: a member's progress in a program is announced at most once per
 * interval, and the last value is never lost (a row changed after the read keeps its mark). It takes no lock while
 * it reads and writes the events, so the engine never waits for it; one announcer runs at a time across instances.
 */
@ApplicationScoped
public class Announcer {

    private static final Logger LOG = Logger.getLogger(Announcer.class);
    private static final int FORGET_BATCH = 5_000;

    private final AnnouncementStore store;
    private final OutboxWriter outbox;
    private final IncentiveConfig config;
    private final Clock clock;

    public Announcer(AnnouncementStore store, OutboxWriter outbox, IncentiveConfig config, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${downline.incentives.announce.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            // Bounded per run, so that a burst of changes does not take the engine's share of the machine: the marks
            // left wait for the next run and coalesce further (the latest figures still go out).
            int batches = 0;
            while (++batches <= config.announce().batchesPerRun()
                    && announceDue() == config.announce().batchSize()) {
                LOG.debug("A full batch of progress announcements went out");
            }
            while (forgetPast() == FORGET_BATCH) {
                LOG.debug("Forgot a full batch of past announcements; taking the next one");
            }
        } catch (RuntimeException e) {
            LOG.warn("Announcing progress failed; the marks stay and the next run retries", e);
        }
    }

    /**
     * Forgets one batch of marks whose interval has passed and that are not pending again (a later change of the
     * row marks it anew, and may be announced at once); returns how many.
     */
    public int forgetPast() {
        return QuarkusTransaction.requiringNew().call(() -> store.forget(
                clock.instant().minus(config.announce().minInterval()), FORGET_BATCH));
    }

    /** Announces one batch of due rows; returns how many. */
    public int announceDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.claimTurn()) {
                return 0;
            }
            Instant now = clock.instant();
            List<PendingAnnouncement> due = store.due(now.minus(config.announce().minInterval()),
                    config.announce().batchSize());
            outbox.publishAll(due.stream().map(row -> new OutboxWriter.Event(EventType.INCENTIVE_PROGRESS_UPDATED,
                    row.memberId(), new IncentiveProgressUpdated(row.programId(), row.memberId(),
                            row.figures().personalVolume(), row.figures().groupVolume(),
                            row.figures().newPersonallySponsored(), row.figures().highestRank().name(),
                            row.criteriaMet(), row.criteriaTotal(), row.progressPercent(), now))).toList());
            if (!due.isEmpty()) {
                store.announced(due, now);
            }
            return due.size();
        });
    }
}
