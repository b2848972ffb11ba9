package io.downline.platform.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The handler each consumer last passed to {@link IdempotentConsumer#apply}, so that parked events can be
 * applied later by the handler of the consumer that parked them.
 */
@ApplicationScoped
class EventHandlers {

    private final Map<String, EventHandler> byConsumer = new ConcurrentHashMap<>();

    void register(String consumer, EventHandler handler) {
        byConsumer.put(consumer, handler);
    }

    Optional<EventHandler> of(String consumer) {
        return Optional.ofNullable(byConsumer.get(consumer));
    }
}
