package io.downline.platform.events;

/** A Kafka record whose CloudEvents envelope is missing or unreadable; no retry can fix it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
