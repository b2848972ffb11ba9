package io.downline.payout.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.downline.payout.service.Settlement;

/** The bank's outcomes for approved payouts: each paid (with the bank's reference) or failed (with why). */
public record SettlementBody(@NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items) {

    public record Item(
            @NotNull UUID payoutId,
            @NotNull Settlement.Outcome outcome,
            @Size(min = 1, max = 140) String reference,
            @Size(min = 1, max = 500) String reason) {

        @AssertTrue(message = "a PAID payout needs the bank's reference, a FAILED one a reason, and not the other")
        public boolean isComplete() {
            return outcome == null || (outcome == Settlement.Outcome.PAID
                    ? reference != null && !reference.isBlank() && reason == null
                    : reason != null && !reason.isBlank() && reference == null);
        }

        public Settlement toSettlement() {
            return new Settlement(payoutId, outcome, reference, reason);
        }
    }
}
