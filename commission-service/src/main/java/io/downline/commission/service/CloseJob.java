package io.downline.commission.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.commission.domain.Periods;
import io.quarkus.scheduler.Scheduled;

/** Closes the previous period on schedule ({@code downline.commission.close.cron}) unless it was closed before. */
@ApplicationScoped
public class CloseJob {

    static final String ACTOR = "system:commission-service";

    private final PeriodCloseService closes;
    private final Clock clock;

    public CloseJob(PeriodCloseService closes, Clock clock) {
        this.closes = closes;
        this.clock = clock;
    }

    @Scheduled(identity = "commission-period-close", cron = "${downline.commission.close.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() throws SQLException {
        YearMonth previous = Periods.of(clock.instant()).minusMonths(1);
        if (closes.find(Periods.format(previous)).isEmpty()) {
            closes.close(previous, ACTOR);
        }
    }
}
