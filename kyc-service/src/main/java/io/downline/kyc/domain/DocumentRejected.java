package io.downline.kyc.domain;

import io.downline.platform.domain.DomainException;

/** An upload that cannot be stored: nothing of it is kept. The {@link Reason} says why, the message in words. */
public class DocumentRejected extends DomainException {

    public enum Reason {
        /** No content at all. */
        EMPTY,
        /** Larger than the configured maximum. */
        TOO_LARGE,
        /** Not a PDF, JPEG or PNG by its magic bytes, or the declared type disagrees with the content. */
        UNSUPPORTED_TYPE,
        /** Claims a supported type but does not open: truncated, corrupt, or disguised. */
        UNREADABLE
    }

    private final Reason reason;

    public DocumentRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
