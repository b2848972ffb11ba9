package io.downline.platform.inbox;

import java.util.List;

import io.downline.platform.events.EventEnvelope;

/**
 * The effect of a batch of events, run inside one transaction by {@link IdempotentConsumer#applyBatch}. The events
 * are the batch's new ones (never applied before by this consumer), each partition's in offset order. The default
 * applies them one by one with {@link #apply}; override {@link #applyAll} to apply them set-based (one statement
 * for all of them). {@link #apply} is still what a single event goes through: when the batch cannot be applied
 * whole, and when a parked event is replayed.
 */
@FunctionalInterface
public interface BatchHandler extends EventHandler {

    default void applyAll(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }
}
