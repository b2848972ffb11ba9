package io.downline.platform.idempotency;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides what a request with an Idempotency-Key does, and records how its first request ended.
 *
 * <p>The first request claims its key in a transaction that the request's business joins; its response is
 * stored in that same transaction, which commits once: the claim, the effect and the stored answer are all
 * there or none is. A repeat of a running request waits for it rather than answering 409 at once (the draft
 * allows either): a client that retries after a timeout then gets the real outcome, and concurrent duplicates
 * all receive the same answer. Only a first request that runs longer than {@code downline.idempotency.wait}
 * yields 409.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final IdempotencyStore store;
    private final IdempotencyWaits waits;
    private final IdempotencyConfig config;
    private final ObjectMapper json;
    private final TransactionManager transactions;

    public IdempotencyKeys(IdempotencyStore store, IdempotencyWaits waits, IdempotencyConfig config, ObjectMapper json,
            TransactionManager transactions) {
        this.store = store;
        this.waits = waits;
        this.config = config;
        this.json = json;
        this.transactions = transactions;
    }

    /** On {@link Outcome.Run} a transaction holding the claim is bound to the calling thread. */
    Outcome begin(String caller, String key, String fingerprint) {
        // The wait is bounded in real elapsed time, not the injectable clock: a test that freezes time must not
        // make a repeat wait forever.
        long deadline = System.nanoTime() + config.waitFor().toNanos();
        boolean waiting = false;
        try {
            while (true) {
                Transaction claimed = claim(caller, key, fingerprint);
                if (claimed != null) {
                    return new Outcome.Run(claimed);
                }
                Optional<KeyState> state = store.find(caller, key);
                if (state.isPresent() && !state.get().fingerprint().equals(fingerprint)) {
                    return new Outcome.OtherRequest();
                }
                if (state.isPresent() && state.get().response().isPresent()) {
                    return new Outcome.Replay(state.get().response().get());
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return new Outcome.StillRunning();
                }
                if (!waiting) {
                    waiting = true;
                    waits.enter();
                }
                // Running (its claim not committed yet, so not even visible) or just released: wait to be woken.
                waits.pause(remaining);
            }
        } finally {
            if (waiting) {
                waits.leave();
            }
        }
    }

    /** Whether the run's business failed in a way that marked its transaction for rollback. */
    boolean rollbackOnly(Outcome.Run run) {
        try {
            return run.transaction().getStatus() != Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            throw new IllegalStateException("Could not read the transaction's status", e);
        }
    }

    /** Stores the first request's response in its transaction and commits claim, effect and response at once. */
    void finish(Outcome.Run run, String caller, String key, StoredResponse response) {
        try {
            requireBound(run);
            try {
                store.complete(caller, key, response);
            } catch (RuntimeException e) {
                rollback(run);
                throw e;
            }
            transactions.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new IllegalStateException("Could not commit the request with its Idempotency-Key", e);
        } finally {
            waits.finished();
        }
    }

    /** The first request failed: its transaction rolls back with the claim, so a retry with the key runs again. */
    void abandon(Outcome.Run run) {
        try {
            rollback(run);
        } finally {
            waits.finished();
        }
    }

    /** The bytes the first caller and every repeat receive. */
    byte[] serialize(Object entity) {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new transaction holding the key's claim, bound to this thread; null (and no transaction) when taken. */
    private Transaction claim(String caller, String key, String fingerprint) {
        try {
            transactions.begin();
            Transaction transaction = transactions.getTransaction();
            boolean claimed;
            try {
                claimed = store.claim(caller, key, fingerprint);
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            if (claimed) {
                return transaction;
            }
            transactions.rollback();
            return null;
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("Could not begin the transaction of an Idempotency-Key", e);
        }
    }

    /**
     * The request and response filters of a blocking endpoint run on the same worker thread, so the claim's
     * transaction is still bound here; anything else would leave it bound to another thread.
     */
    private void requireBound(Outcome.Run run) throws SystemException {
        if (!run.transaction().equals(transactions.getTransaction())) {
            run.transaction().rollback();
            throw new IllegalStateException("The Idempotency-Key's transaction is not bound to the responding thread");
        }
    }

    private void rollback(Outcome.Run run) {
        try {
            if (run.transaction().equals(transactions.getTransaction())) {
                transactions.rollback();
            } else {
                run.transaction().rollback();
            }
        } catch (SystemException e) {
            throw new IllegalStateException("Could not roll back the request with its Idempotency-Key", e);
        }
    }
}
