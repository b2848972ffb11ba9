package io.downline.platform.inbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.downline.platform.events.EventEnvelope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Out-of-order events. A handler throws {@link WaitingFor} for an event that refers to something not known
 * yet; the event is parked (never dropped, counted by {@code downline_consumer_parked}). The code that makes
 * the thing known calls {@link #release(String, Object)} in its transaction; after that commits, the parked
 * events are applied in the order they were parked: at once when the release happened in a consumer (before
 * it takes its next record), else at the next sweep. The sweep ({@code downline.inbox.parking.sweep-every})
 * also retries everything parked, so an event whose thing arrived without a release call is applied too.
 */
@ApplicationScoped
public class Parking {

    private static final Logger LOG = Logger.getLogger(Parking.class);

    private enum Step { APPLIED, DONE }

    private final ParkedEvents parked;
    private final EventHandlers handlers;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Queue<String> released = new ConcurrentLinkedQueue<>();
    /**
     * The keys released by the transactions of the consumer call running on this thread: that call applies them
     * itself before it returns. A channel with several copies (concurrency) runs several consumer calls at once,
     * and another copy must not take them over: the releasing consumer would move on to its next record before
     * the parked events are applied (a refund parked for its order, then a later refund of the same order).
     */
    private final ThreadLocal<Set<String>> releasedHere = new ThreadLocal<>();
    private final AtomicLong count = new AtomicLong();

    public Parking(ParkedEvents parked, EventHandlers handlers, TransactionSynchronizationRegistry transactions,
            Clock clock, MeterRegistry registry) {
        this.parked = parked;
        this.handlers = handlers;
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder("downline.consumer.parked", count, AtomicLong::get)
                .description("Events parked until what they refer to arrives")
                .register(registry);
    }

    /**
     * Says that {@code kind:id} is now known (e.g. {@code release("member", memberId)}); call it in the
     * transaction that made it known. Events parked for it are applied once that transaction has committed.
     */
    public void release(String kind, Object id) {
        String key = WaitingFor.key(kind, id);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Set<String> here = releasedHere.get();
                    if (here != null) {
                        here.add(key);
                    } else {
                        released.add(key);
                    }
                }
            }
        });
    }

    /** Parks the event, in the caller's transaction. */
    void park(String consumer, String topic, EventEnvelope event, String waitsFor) {
        parked.park(consumer, topic, event, waitsFor, clock.instant());
        LOG.infof("Event %s (%s) parked by %s until %s arrives", event.id(), event.type(), consumer, waitsFor);
    }

    /**
     * Runs a consumer call (one record or one batch) on this thread: the keys its transactions release are applied
     * by {@link #replayReleased()} on this thread only. Keys left when it ends (none on the consumer's paths) are
     * handed to whoever replays next.
     */
    <T> T consuming(Supplier<T> call) {
        if (releasedHere.get() != null) {
            return call.get();
        }
        releasedHere.set(new LinkedHashSet<>());
        try {
            return call.get();
        } finally {
            Set<String> left = releasedHere.get();
            releasedHere.remove();
            released.addAll(left);
        }
    }

    /**
     * Applies what was parked for the keys released since the last call, on the calling thread: the keys this
     * thread's consumer call released (see {@link #consuming}) and those released outside any consumer call (a
     * REST request, say). One query finds which of them have parked events (usually none: a batch consumer may
     * release hundreds of keys per poll). A replayed event may release more keys; they are applied too.
     */
    void replayReleased() {
        Set<String> keys = takeReleased();
        while (!keys.isEmpty()) {
            Set<String> batch = keys;
            List<String[]> queues = QuarkusTransaction.requiringNew().call(() -> parked.queuesWaitingFor(batch));
            if (!queues.isEmpty()) {
                for (String[] queue : queues) {
                    replay(queue[0], queue[1]);
                }
                refreshCount();
            }
            keys = takeReleased();
        }
    }

    private Set<String> takeReleased() {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> here = releasedHere.get();
        if (here != null) {
            keys.addAll(here);
            here.clear();
        }
        for (String key = released.poll(); key != null; key = released.poll()) {
            keys.add(key);
        }
        return keys;
    }

    /** Retries every parked event, queue by queue, each queue in its order. */
    @Scheduled(every = "${downline.inbox.parking.sweep-every:10s}", delayed = "${downline.inbox.parking.sweep-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryParked() {
        replayReleased();
        for (String[] queue : QuarkusTransaction.requiringNew().call(parked::queues)) {
            replay(queue[0], queue[1]);
        }
        refreshCount();
    }

    /** Parked events right now; also what the gauge shows. */
    public long count() {
        return count.get();
    }

    void refreshCount() {
        count.set(QuarkusTransaction.requiringNew().call(parked::count));
    }

    private void replay(String consumer, String key) {
        if (handlers.of(consumer).isEmpty()) {
            // The consumer has not taken a record since start: it registers its handler with its first one.
            return;
        }
        Step step;
        do {
            step = replayHead(consumer, key);
        } while (step == Step.APPLIED);
    }

    /** Applies the head of a queue in one transaction, or stops the queue at the first event that still fails. */
    private Step replayHead(String consumer, String key) {
        long[] headId = { -1 };
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var head = parked.lockHead(consumer, key);
                if (head.isEmpty()) {
                    return Step.DONE;
                }
                headId[0] = head.get().id();
                handlers.of(consumer).orElseThrow().apply(head.get().event());
                parked.delete(head.get().id());
                LOG.infof("Parked event %s (%s) applied by %s", head.get().event().id(), head.get().event().type(),
                        consumer);
                return Step.APPLIED;
            });
        } catch (RuntimeException e) {
            if (headId[0] < 0) {
                throw e;
            }
            String waitsFor = Failures.waitingFor(e).map(WaitingFor::key).orElse(key);
            if (waitsFor.equals(key) && Failures.waitingFor(e).isEmpty()) {
                LOG.errorf(e, "Parked event %d of %s failed again; it stays parked", headId[0], consumer);
            }
            QuarkusTransaction.requiringNew().run(() -> parked.failed(headId[0], waitsFor, String.valueOf(e.getMessage())));
            return Step.DONE;
        }
    }
}
