package io.downline.payout.service;

import java.util.UUID;

/**
 * The bank's outcome for one approved payout.
 *
 * @param reference the bank's reference, required when paid
 * @param reason    why it failed, required when failed
 */
public record Settlement(UUID payoutId, Outcome outcome, String reference, String reason) {

    public enum Outcome { PAID, FAILED }
}
