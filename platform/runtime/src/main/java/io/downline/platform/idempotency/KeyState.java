package io.downline.platform.idempotency;

import java.util.Optional;

/** A key another request already holds: its request's fingerprint, and its response once it has finished. */
record KeyState(String fingerprint, Optional<StoredResponse> response) {

    boolean running() {
        return response.isEmpty();
    }
}
