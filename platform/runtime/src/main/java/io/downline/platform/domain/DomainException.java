package io.downline.platform.domain;

/**
 * A refusal decided by a use case, in the domain's words. Services, repositories and consumers throw
 * these; they carry no HTTP status. The REST layer maps each kind once to its RFC 9457 problem
 * (not found 404, conflict 409, business rule 422, access denied 403); a consumer treats them as
 * an event that can never apply.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
