package io.downline.payout.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's four balances. {@code clawback} is zero or negative: what the member owes after a reversal of
 * money that had already reached their available balance.
 */
public record Balances(BigDecimal available, BigDecimal pending, BigDecimal onHold, BigDecimal clawback) {

    public static final Balances ZERO = new Balances(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    /** What the member owes the company, positive or zero. */
    public BigDecimal owed() {
        return clawback.negate();
    }

    /** The balances after the transfers (which concern this member's accounts or the company's). */
    public Balances after(List<Transfer> transfers) {
        Balances result = this;
        for (Transfer transfer : transfers) {
            result = result.plus(transfer.credit().kind(), transfer.amount())
                    .plus(transfer.debit().kind(), transfer.amount().negate());
        }
        return result;
    }

    public BigDecimal of(AccountKind kind) {
        return switch (kind) {
            case AVAILABLE -> available;
            case PENDING -> pending;
            case ON_HOLD -> onHold;
            case CLAWBACK -> clawback;
            default -> throw new IllegalArgumentException(kind + " is not a member account");
        };
    }

    private Balances plus(AccountKind kind, BigDecimal amount) {
        return switch (kind) {
            case AVAILABLE -> new Balances(available.add(amount), pending, onHold, clawback);
            case PENDING -> new Balances(available, pending.add(amount), onHold, clawback);
            case ON_HOLD -> new Balances(available, pending, onHold.add(amount), clawback);
            case CLAWBACK -> new Balances(available, pending, onHold, clawback.add(amount));
            default -> this;
        };
    }

    /** Whether every member balance is within its rule: none negative, the clawback never positive. */
    public boolean valid() {
        return available.signum() >= 0 && pending.signum() >= 0 && onHold.signum() >= 0 && clawback.signum() <= 0;
    }
}
