package io.downline.payout.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One leg of a posting: debits one account and credits another with the same positive amount. Its id is
 * derived from the cause and the leg, so the same cause can never be written twice.
 *
 * @param leg the reason, or the reason with {@code :CLAWBACK} for the part of a posting that settles or creates
 *            a clawback receivable
 */
public record Transfer(UUID id, UUID causeId, String leg, LedgerReason reason, Account debit, Account credit,
        BigDecimal amount) {

    public Transfer {
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(reason, "reason");
        if (amount.signum() <= 0 || amount.scale() != Amounts.SCALE) {
            throw new IllegalArgumentException("A transfer moves a positive amount at scale 2, not " + amount);
        }
        if (debit.kind() == credit.kind()) {
            throw new IllegalArgumentException("A transfer moves money between two accounts");
        }
    }

    public static Transfer of(UUID causeId, LedgerReason reason, Account debit, Account credit, BigDecimal amount) {
        return leg(causeId, reason.name(), reason, debit, credit, amount);
    }

    public static Transfer clawback(UUID causeId, LedgerReason reason, Account debit, Account credit, BigDecimal amount) {
        return leg(causeId, reason.name() + ":CLAWBACK", reason, debit, credit, amount);
    }

    private static Transfer leg(UUID causeId, String leg, LedgerReason reason, Account debit, Account credit,
            BigDecimal amount) {
        UUID id = UUID.nameUUIDFromBytes((causeId + "/" + leg).getBytes(StandardCharsets.UTF_8));
        return new Transfer(id, causeId, leg, reason, debit, credit, amount);
    }

    /** Whether the transfer touches the account of this kind (as debit or credit). */
    public boolean touches(AccountKind kind) {
        return debit.kind() == kind || credit.kind() == kind;
    }
}
