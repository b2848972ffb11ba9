package io.downline.platform.domain;

import java.util.Optional;

/**
 * Well-formed input that breaks a business rule (the sponsor is suspended, the target is in the past).
 * When the rule is about one input field, {@link #field()} names it, so the caller can show it there.
 */
public class BusinessRuleException extends DomainException {

    private final String field;

    public BusinessRuleException(String message) {
        this(null, message);
    }

    public BusinessRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
