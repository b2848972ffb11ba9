package io.downline.platform.events;

/** JSON that {@link EventJson} cannot write or read into the requested type. */
public class EventJsonException extends RuntimeException {

    public EventJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
