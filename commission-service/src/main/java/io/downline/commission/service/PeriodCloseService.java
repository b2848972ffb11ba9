package io.downline.commission.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.downline.commission.domain.Amounts;
import io.downline.commission.domain.CloseComputation;
import io.downline.commission.domain.CloseHash;
import io.downline.commission.domain.CloseInput;
import io.downline.commission.domain.CloseResult;
import io.downline.commission.domain.MemberIds;
import io.downline.commission.domain.PeriodSummary;
import io.downline.commission.domain.Periods;
import io.downline.commission.domain.Rank;
import io.downline.commission.repository.CloseEventCopy;
import io.downline.commission.repository.CloseRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.outbox.OutboxWriter;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Period close: freezes the period's tree and volumes, computes every member's GV and rank in memory, stores the
 * frozen figures with a hash of the results and a summary, and publishes {@code member.rank-changed} (a new
 * paid-as rank), {@code team.volume-updated} (every member with volume) and {@code period.closed}, all in one
 * transaction. A closed period is closed again only after an admin re-opens it; that close reports the diff.
 */
@ApplicationScoped
public class PeriodCloseService {

    private static final Logger LOG = Logger.getLogger(PeriodCloseService.class);
    private static final int MAX_CHANGES = 100;

    private final CloseRepository closes;
    private final PlanService plans;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Clock clock;

    public PeriodCloseService(CloseRepository closes, PlanService plans, OutboxWriter outbox, AdminAudit audit,
            Clock clock) {
        this.closes = closes;
        this.plans = plans;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Optional<PeriodSummary> find(String period) {
        return closes.find(period);
    }

    @Transactional
    public PeriodSummary get(String period) {
        return closes.find(period).orElseThrow(() -> new NotFoundException("Period " + period + " has not been closed"));
    }

    /** One transaction for the whole close; a million members take longer than the default 60 s timeout. */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public CloseOutcome close(YearMonth period, String actor) throws SQLException {
        Instant now = clock.instant();
        String name = Periods.format(period);
        if (Periods.end(period).isAfter(now)) {
            throw new BusinessRuleException("period", "Period " + name + " is not over until " + Periods.end(period));
        }
        Optional<PeriodSummary> earlier = closes.lock(name);
        if (earlier.isPresent() && earlier.get().closed()) {
            throw new ConflictException("Period " + name + " is closed; an admin re-opens it before it is closed again");
        }
        PlanService.InForce inForce = plans.inForceAt(Periods.end(period).minusNanos(1));

        long t0 = System.nanoTime();
        CloseInput input = closes.load(name, Periods.format(period.minusMonths(1)));
        long t1 = System.nanoTime();
        CloseResult result = CloseComputation.compute(inForce.plan(), input.parent(), input.pv(), input.previousPv(),
                input.active());
        long t2 = System.nanoTime();
        String hash = CloseHash.of(input, result);
        long t3 = System.nanoTime();

        List<CloseOutcome.MemberChange> changes = new ArrayList<>();
        int changed = earlier.isPresent() ? diff(closes.frozen(name), input, result, changes) : 0;
        closes.writeMembers(name, input, result);
        long tMembers = System.nanoTime();
        long totalVolume = 0;
        int[] rankCounts = new int[Rank.values().length];
        for (int i = 0; i < input.size(); i++) {
            totalVolume += input.pv()[i];
            rankCounts[result.rank()[i]]++;
        }
        long written = writeEvents(name, now, input, result);
        long tEvents = System.nanoTime();
        BigDecimal[] sales = closes.salesFigures(name);
        long tSales = System.nanoTime();
        BigDecimal ratio = sales[0].signum() == 0 ? BigDecimal.ZERO.setScale(6)
                : sales[1].divide(sales[0], 6, RoundingMode.HALF_EVEN);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Rank rank : Rank.values()) {
            counts.put(rank.name(), rankCounts[rank.ordinal()]);
        }
        PeriodSummary summary = new PeriodSummary(name, "CLOSED", inForce.version(), hash, input.size(),
                Amounts.ofCents(totalVolume), sales[0], sales[1], sales[2], ratio, counts,
                earlier.map(e -> e.closes() + 1).orElse(1), now, actor, null, null);
        closes.save(summary, earlier.isPresent());
        outbox.publish(EventType.PERIOD_CLOSED, name,
                new PeriodClosed(name, input.size(), Amounts.ofCents(totalVolume), now, now));
        audit.record("period.close", "period", name, earlier.orElse(null), summary);
        long t4 = System.nanoTime();

        CloseOutcome.Timings timings = new CloseOutcome.Timings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
        LOG.infof("Closed %s: %d members, hash %s, load %d ms, compute %d ms, hash %d ms, write %d ms (%d events; of"
                + " the write: diff and frozen rows %d ms, events %d ms, sales figures %d ms, summary %d ms)", name,
                input.size(), hash, timings.loadMs(), timings.computeMs(), timings.hashMs(), timings.writeMs(),
                written + 1, ms(tMembers - t3), ms(tEvents - tMembers), ms(tSales - tEvents), ms(t4 - tSales));
        String previousHash = earlier.map(PeriodSummary::resultHash).orElse(null);
        return new CloseOutcome(summary, previousHash, previousHash == null ? null : previousHash.equals(hash),
                changed, changes, timings, written + 1);
    }

    @Transactional
    public PeriodSummary reopen(YearMonth period, String actor) {
        String name = Periods.format(period);
        PeriodSummary closed = closes.lock(name).orElseThrow(() -> new NotFoundException("Period " + name + " has not been closed"));
        if (!closed.closed()) {
            throw new ConflictException("Period " + name + " is re-opened already");
        }
        PeriodSummary reopened = closed.reopened(clock.instant(), actor);
        closes.save(reopened, true);
        audit.record("period.reopen", "period", name, closed, reopened);
        return reopened;
    }

    /** Compares an earlier close's frozen figures with this one's, both in member-id order; returns the count. */
    private static int diff(CloseRepository.Frozen before, CloseInput input, CloseResult result,
            List<CloseOutcome.MemberChange> changes) {
        int changed = 0;
        int a = 0;
        int b = 0;
        int size = input.size();
        Rank[] ranks = Rank.values();
        while (a < before.ids().size() || b < size) {
            int order;
            if (a >= before.ids().size()) {
                order = 1;
            } else if (b >= size) {
                order = -1;
            } else {
                UUID id = before.ids().get(a);
                order = MemberIds.compare(id.getMostSignificantBits(), id.getLeastSignificantBits(), input.idHigh()[b],
                        input.idLow()[b]);
            }
            long[] old = order <= 0 ? before.figures().get(a) : null;
            boolean same = order == 0 && old[0] == input.pv()[b] && old[1] == result.groupVolume()[b]
                    && old[2] == result.rank()[b];
            if (!same) {
                changed++;
                if (changes.size() < MAX_CHANGES) {
                    UUID id = order <= 0 ? before.ids().get(a) : new UUID(input.idHigh()[b], input.idLow()[b]);
                    changes.add(new CloseOutcome.MemberChange(id.toString(),
                            old == null ? null : Amounts.ofCents(old[0]).toPlainString(),
                            order >= 0 ? Amounts.ofCents(input.pv()[b]).toPlainString() : null,
                            old == null ? null : Amounts.ofCents(old[1]).toPlainString(),
                            order >= 0 ? Amounts.ofCents(result.groupVolume()[b]).toPlainString() : null,
                            old == null ? null : ranks[(int) old[2]].name(),
                            order >= 0 ? result.rankOf(b).name() : null));
                }
            }
            if (order <= 0) {
                a++;
            }
            if (order >= 0) {
                b++;
            }
        }
        return changed;
    }

    /**
     * Every {@code member.rank-changed} first, then every {@code team.volume-updated}: a member's two events keep
     * that order, and consecutive outbox rows name different members, so each relay round (one event per aggregate)
     * is a whole batch.
     */
    private long writeEvents(String period, Instant now, CloseInput input, CloseResult result) throws SQLException {
        int count = 0;
        for (int i = 0; i < input.size(); i++) {
            count += (rankChanged(input, result, i) ? 1 : 0) + (hasVolume(input, result, i) ? 1 : 0);
        }
        Rank[] ranks = Rank.values();
        long[] high = input.idHigh();
        long[] low = input.idLow();
        try (CloseEventCopy events = closes.openEvents(period, now, count)) {
            for (int i = 0; i < input.size(); i++) {
                if (rankChanged(input, result, i)) {
                    events.rankChanged(high[i], low[i], ranks[input.previousRank()[i]], ranks[result.rank()[i]]);
                }
            }
            for (int i = 0; i < input.size(); i++) {
                if (hasVolume(input, result, i)) {
                    events.volumeUpdated(high[i], low[i], input.pv()[i], result.groupVolume()[i]);
                }
            }
            return events.finish();
        }
    }

    private static boolean rankChanged(CloseInput input, CloseResult result, int member) {
        return result.rank()[member] != input.previousRank()[member];
    }

    private static boolean hasVolume(CloseInput input, CloseResult result, int member) {
        return input.pv()[member] != 0 || result.groupVolume()[member] != 0;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
