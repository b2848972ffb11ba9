package io.downline.payout.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One transfer on a member's statement, with its cause. */
public record StatementLine(UUID transferId, UUID causeId, LedgerReason reason, AccountKind from, AccountKind to,
        BigDecimal amount, String currency, Instant at) {
}
