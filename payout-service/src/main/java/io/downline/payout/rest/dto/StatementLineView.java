package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.payout.domain.AccountKind;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.StatementLine;

/**
 * One statement line: money moved from one account to another, and why ({@code reason}, and {@code causeId}:
 * the commission line, the reversal, the incentive award or the payout).
 */
public record StatementLineView(UUID transferId, Instant at, LedgerReason reason, UUID causeId, AccountKind from,
        AccountKind to, BigDecimal amount, String currency) {

    public static StatementLineView of(StatementLine line) {
        return new StatementLineView(line.transferId(), line.at(), line.reason(), line.causeId(), line.from(), line.to(),
                line.amount(), line.currency());
    }
}
