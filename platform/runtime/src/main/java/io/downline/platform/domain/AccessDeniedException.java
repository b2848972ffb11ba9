package io.downline.platform.domain;

/** The caller is known but may not do this: another member's data, or a suspended member changing something. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
