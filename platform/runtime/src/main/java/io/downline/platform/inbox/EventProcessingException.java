package io.downline.platform.inbox;

/**
 * A record that can never be applied (no readable envelope, a payload that fails its schema, a refusal of the
 * domain): thrown out of the consumer method, so that the channel's dead-letter strategy takes the record.
 */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
