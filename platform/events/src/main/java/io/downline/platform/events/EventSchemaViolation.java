package io.downline.platform.events;

import java.util.List;

/** A payload that does not match its event type's JSON Schema. */
public class EventSchemaViolation extends RuntimeException {

    private final List<String> messages;

    public EventSchemaViolation(EventType type, List<String> messages) {
        super(type.type() + " v" + type.version() + " violates its schema: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    /** One message per violation, each starting with the JSON path of the failing value. */
    public List<String> messages() {
        return messages;
    }
}
