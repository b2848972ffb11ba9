package io.downline.audit.domain;

/** An event that can never be appended (no readable envelope, a payload that is not JSON): a dead letter. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
