package io.downline.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;

/**
 * One publishing round: {@link #start} reads the due rows and sends them, {@link #finish} waits (bounded) for the
 * broker's acknowledgements (sending an aggregate's next row as soon as its previous one is acknowledged), marks the
 * acknowledged rows sent and the failed ones to retry later (their aggregate waits, the others do not) or parked.
 * The relay may start the next round before it finishes this one (see {@link OutboxRelay}): that round leaves out
 * this round's rows and every aggregate this round holds.
 */
final class RelayRound {

    private static final Logger LOG = Logger.getLogger(RelayRound.class);

    /** How a round went; {@code nextRetry} is the earliest time a row that failed in it may go again. */
    record Result(int sent, int failed, boolean more, Instant nextRetry) {

        /** Nothing got through and something failed: the broker itself is likely away. */
        boolean brokerAway() {
            return sent == 0 && failed > 0;
        }
    }

    private record InFlight(OutboxRow row, Future<RecordMetadata> ack) {
    }

    private final Connection connection;
    private final Producer<String, String> producer;
    private final OutboxConfig.Relay config;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final String source;

    /** Every aggregate the round took a row of, with its rows waiting for the acknowledgement of the one before. */
    private final Map<String, ArrayDeque<OutboxRow>> behind = new HashMap<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    private final List<OutboxRow> failedRows = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long[] ids = new long[0];
    private Instant now;
    private boolean more;
    private boolean sendsStopped;

    RelayRound(Connection connection, Producer<String, String> producer, OutboxConfig.Relay config,
            OutboxMetrics metrics, Clock clock, String source) {
        this.connection = connection;
        this.producer = producer;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.source = source;
    }

    /**
     * Reads the due rows and sends each aggregate's first; {@code unfinished} is the round still waiting for its
     * acknowledgements, or null: its rows are not read again and its aggregates' rows wait for a later round.
     */
    RelayRound start(RelayRound unfinished) throws SQLException {
        now = clock.instant();
        List<OutboxRow> rows = OutboxStore.due(connection, now, config.batchSize(),
                unfinished == null ? new long[0] : unfinished.ids);
        ids = rows.stream().mapToLong(OutboxRow::id).toArray();
        more = rows.size() == config.batchSize();
        // Order per aggregate: an aggregate's first due row is sent at once, and each of its later rows in the
        // round only once the broker acknowledged the one before it (as the next round would, but without waiting
        // for the other aggregates' acknowledgements, the marking and the next select). So a failed send is never
        // overtaken by its successor: after a failure, the aggregate's later rows are not sent in this round and
        // then wait behind the failed row while it backs off or is parked.
        for (OutboxRow row : rows) {
            ArrayDeque<OutboxRow> later = behind.get(row.aggregateId());
            if (unfinished != null && unfinished.behind.containsKey(row.aggregateId())) {
                more = true;
            } else if (later == null) {
                behind.put(row.aggregateId(), new ArrayDeque<>());
                if (!send(row) && !SendFailure.refusedRow(failures.get(failures.size() - 1))) {
                    // send() gave up at once on something that is not this row's fault (no metadata within
                    // max.block.ms: the broker is away; producer closed): every next send would wait as long, so
                    // the round sends nothing more and the rows not tried stay as they are.
                    more = true;
                    sendsStopped = true;
                    break;
                }
            } else if (later.size() + 1 < config.maxPerAggregate()) {
                later.add(row);
            } else {
                more = true;
            }
        }
        return this;
    }

    /**
     * Whether the next round may start before this one finishes: it sent something and did not stop sending
     * because the broker looked away (then no round starts before this one ends).
     */
    boolean pipelines() {
        return !inFlight.isEmpty() && !sendsStopped;
    }

    /** The round read a whole batch: more rows are likely due. */
    boolean full() {
        return ids.length == config.batchSize();
    }

    Result finish() throws SQLException {
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<Long> sent = new ArrayList<>(inFlight.size());
        for (int i = 0; i < inFlight.size(); i++) {
            InFlight pending = inFlight.get(i);
            try {
                pending.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(pending.row().id());
                metrics.published(Duration.between(pending.row().createdAt(), clock.instant()));
                // A row is sent only after its aggregate has a place in `behind`.
                OutboxRow next = sendsStopped ? null : behind.get(pending.row().aggregateId()).poll();
                if (next != null) {
                    send(next);
                }
            } catch (ExecutionException e) {
                failedRows.add(pending.row());
                failures.add(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                failedRows.add(pending.row());
                failures.add(new TimeoutException("no acknowledgement within " + config.ackTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        OutboxStore.moveToSent(connection, sent);
        Instant nextRetry = null;
        for (int i = 0; i < failedRows.size(); i++) {
            Instant retryAt = failed(failedRows.get(i), failures.get(i), now);
            nextRetry = nextRetry == null || retryAt.isBefore(nextRetry) ? retryAt : nextRetry;
        }
        if (!failedRows.isEmpty()) {
            LOG.warnf("Outbox relay: %d of %d events not acknowledged (first: %s); their aggregates retry later",
                    failedRows.size(), failedRows.size() + sent.size(), SendFailure.describe(failures.get(0)));
        }
        return new Result(sent.size(), failedRows.size(), more, nextRetry);
    }

    /** Sends a row: true when it is in flight, false when it failed at once (recorded with why). */
    private boolean send(OutboxRow row) {
        Throwable refused;
        try {
            Future<RecordMetadata> ack = producer.send(record(row));
            refused = failedAtOnce(ack);
            if (refused == null) {
                inFlight.add(new InFlight(row, ack));
                return true;
            }
        } catch (RuntimeException e) {
            refused = e;
        }
        failedRows.add(row);
        failures.add(refused);
        return false;
    }

    /** The failure of a send that completed inside send() (Kafka returns some refusals as a failed future). */
    private static Throwable failedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private Instant failed(OutboxRow row, Throwable failure, Instant now) throws SQLException {
        int attempts = row.attempts() + 1;
        boolean park = SendFailure.refusedRow(failure) && attempts >= config.maxAttempts();
        Instant retryAt = now.plus(backoff(attempts));
        String reason = SendFailure.describe(failure);
        OutboxStore.markFailed(connection, row.id(), reason, retryAt, park ? now : null);
        metrics.failed();
        if (park) {
            LOG.errorf("Outbox row %d (event %s, %s, aggregate %s, topic %s) parked after %d failed attempts: %s. "
                    + "Its aggregate's later events wait until it is released (platform/runtime/docs/outbox.md).",
                    row.id(), row.eventId(), row.type(), row.aggregateId(), row.topic(), attempts, reason);
            metrics.parked(OutboxStore.parked(connection));
        }
        return retryAt;
    }

    /** Per-aggregate back-off: the initial delay doubled per failed attempt, capped. */
    private Duration backoff(int attempts) {
        Duration delay = config.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(config.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        EventEnvelope envelope = new EventEnvelope(row.eventId(), row.type(), source, row.aggregateId(),
                row.createdAt(), row.traceparent(), row.payload());
        return CloudEventCodec.toRecord(row.topic(), envelope);
    }
}
