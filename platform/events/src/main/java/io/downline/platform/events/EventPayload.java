package io.downline.platform.events;

/** Marker of the payload records, one per {@link EventType}. */
public interface EventPayload {
}
