package io.downline.platform.domain;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }
}
