package io.downline.platform.idempotency;

import jakarta.transaction.Transaction;

/** What a request with an Idempotency-Key does: run, replay the stored response, or be refused. */
sealed interface Outcome {

    /**
     * The key is this request's: run it in {@code transaction}, which holds the claim and is bound to the
     * current thread; the request's business joins it, and {@link IdempotencyKeys#finish} commits both.
     */
    record Run(Transaction transaction) implements Outcome {
    }

    record Replay(StoredResponse response) implements Outcome {
    }

    /** The key was used for another request (method, path or body). */
    record OtherRequest() implements Outcome {
    }

    /** The first request with the key still runs, after the repeat waited as long as it may. */
    record StillRunning() implements Outcome {
    }
}
