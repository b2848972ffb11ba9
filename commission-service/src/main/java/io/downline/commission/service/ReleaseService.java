package io.downline.commission.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.config.CommissionConfig;
import io.downline.commission.domain.CommissionLine;
import io.downline.commission.repository.LineRepository;

/**
 * Releases lines whose hold window has ended: {@code commission.released} with what the line still pays. A line
 * reversed in full before its release is marked released without an event: there is nothing to credit.
 */
@ApplicationScoped
public class ReleaseService {

    private final LineRepository lines;
    private final PlanService plans;
    private final CommissionEvents events;
    private final CommissionConfig config;
    private final Clock clock;

    public ReleaseService(LineRepository lines, PlanService plans, CommissionEvents events, CommissionConfig config,
            Clock clock) {
        this.lines = lines;
        this.plans = plans;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Releases up to one batch of due lines; returns how many it marked released. */
    @Transactional
    public int releaseDue() {
        Instant now = clock.instant();
        List<CommissionLine> due = lines.lockDue(now, config.release().batchSize());
        for (CommissionLine line : due) {
            lines.markReleased(line.lineId(), now);
            if (line.remaining().signum() > 0) {
                events.released(line, plans.plan(line.planVersion()).currency(), now);
            }
        }
        return due.size();
    }
}
