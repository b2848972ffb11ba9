package io.downline.platform.domain;

/** The request clashes with the current state: a duplicate, or a transition the state does not allow. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
