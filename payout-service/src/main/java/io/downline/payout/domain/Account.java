package io.downline.payout.domain;

import java.util.Objects;
import java.util.UUID;

/** One account of the chart: a member's (kind and member) or the company's (kind alone). */
public record Account(AccountKind kind, UUID memberId) {

    public Account {
        Objects.requireNonNull(kind, "kind");
        if (kind.memberAccount() != (memberId != null)) {
            throw new IllegalArgumentException(kind + (kind.memberAccount() ? " needs" : " takes no") + " member");
        }
    }

    public static Account member(AccountKind kind, UUID memberId) {
        return new Account(kind, Objects.requireNonNull(memberId, "memberId"));
    }

    public static Account company(AccountKind kind) {
        return new Account(kind, null);
    }
}
