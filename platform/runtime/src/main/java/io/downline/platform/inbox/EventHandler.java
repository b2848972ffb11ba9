package io.downline.platform.inbox;

import io.downline.platform.events.EventEnvelope;

/** The effect of one event, run inside the consumer's transaction. */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);
}
