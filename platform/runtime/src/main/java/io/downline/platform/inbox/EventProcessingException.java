package io.downline.platform.inbox;

/** An event could not be applied after every attempt; the messaging layer sends it to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
