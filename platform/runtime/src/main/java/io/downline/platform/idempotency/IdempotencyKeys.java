package io.downline.platform.idempotency;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides what a request with an Idempotency-Key does, and records how its first request ended.
 *
 * <p>A repeat of a running request waits for it rather than answering 409 at once (the draft allows either):
 * a client that retries after a timeout then gets the real outcome, and concurrent duplicates all receive the
 * same answer. Only a first request that runs longer than {@code downline.idempotency.wait} yields 409.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final IdempotencyStore store;
    private final IdempotencyWaits waits;
    private final IdempotencyConfig config;
    private final ObjectMapper json;

    public IdempotencyKeys(IdempotencyStore store, IdempotencyWaits waits, IdempotencyConfig config, ObjectMapper json) {
        this.store = store;
        this.waits = waits;
        this.config = config;
        this.json = json;
    }

    Outcome begin(String caller, String key, String fingerprint) {
        // The wait is bounded in real elapsed time, not the injectable clock: a test that freezes time must not
        // make a repeat wait forever.
        long deadline = System.nanoTime() + config.waitFor().toNanos();
        boolean waiting = false;
        try {
            while (true) {
                if (store.claim(caller, key, fingerprint)) {
                    return new Outcome.Run();
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
                if (state.isPresent()) {
                    waits.pause(remaining);
                }
            }
        } finally {
            if (waiting) {
                waits.leave();
            }
        }
    }

    void finish(String caller, String key, StoredResponse response) {
        try {
            store.complete(caller, key, response);
        } finally {
            waits.finished();
        }
    }

    /** The first request failed: a retry with the key runs again. */
    void release(String caller, String key) {
        try {
            store.release(caller, key);
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
}
