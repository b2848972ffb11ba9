package io.downline.incentive.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.incentive.config.IncentiveConfig;
import io.downline.incentive.repository.LeaderboardTopStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps each published program's listed top ({@code leaderboard_top}) between the largest page and a few thousand
 * members by moving the program's floor: raised to the highest score with {@code candidates} members at or above it
 * when more than four times that are listed, lowered the same way when fewer than a page are (members left the top:
 * refunds, lost eligibility). Decided from the leaderboard's buckets without locks; the move itself holds the
 * program's row lock, so it waits for the engine's transactions counting in the program and holds off the next
 * ones for as long as it takes (raising: a delete from the small table; lowering: one scan of {@code progress}).
 */
@ApplicationScoped
public class LeaderboardFloors {

    private static final Logger LOG = Logger.getLogger(LeaderboardFloors.class);
    private static final long RAISE_ABOVE = 4;

    private final LeaderboardTopStore top;
    private final IncentiveConfig config;

    public LeaderboardFloors(LeaderboardTopStore top, IncentiveConfig config) {
        this.top = top;
        this.config = config;
    }

    /**
     * Adjusts every published program's floor within the configured bounds; a program whose adjustment fails is
     * logged and retried on the next run, and the others are adjusted all the same. Public for the tests, which
     * turn the schedule off and run it themselves.
     */
    @Scheduled(every = "${downline.incentives.leaderboard.floor-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scheduled() {
        List<UUID> published;
        try {
            published = QuarkusTransaction.requiringNew().call(top::published);
        } catch (RuntimeException e) {
            LOG.warn("Reading the published programs failed; the next run retries", e);
            return;
        }
        long candidates = config.leaderboard().candidates();
        for (UUID program : published) {
            try {
                adjust(program, candidates, config.leaderboard().maxSize(), RAISE_ABOVE * candidates);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Adjusting the leaderboard floor of program %s failed; the next run retries", program);
            }
        }
    }

    /**
     * Moves the program's floor to the highest score with {@code target} members at or above it when its listed
     * members are fewer than {@code minimum} (and some are not listed) or more than {@code maximum}; returns whether
     * it moved.
     */
    public boolean adjust(UUID programId, long target, long minimum, long maximum) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<BigDecimal> seen = top.floor(programId);
            if (seen.isEmpty() || balanced(programId, seen.get(), minimum, maximum)
                    || top.floorFor(programId, target).compareTo(seen.get()) == 0) {
                return false;
            }
            Optional<BigDecimal> floor = top.lockFloor(programId);
            if (floor.isEmpty() || balanced(programId, floor.get(), minimum, maximum)) {
                return false;
            }
            BigDecimal to = top.floorFor(programId, target);
            if (to.compareTo(floor.get()) == 0) {
                return false;
            }
            top.moveFloor(programId, floor.get(), to);
            return true;
        });
    }

    private boolean balanced(UUID programId, BigDecimal floor, long minimum, long maximum) {
        long listed = top.atOrAbove(programId, floor);
        return listed <= maximum && (listed >= minimum || floor.signum() == 0);
    }
}
