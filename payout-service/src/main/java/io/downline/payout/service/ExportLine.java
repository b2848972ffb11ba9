package io.downline.payout.service;

import io.downline.payout.domain.Payout;
import io.downline.payout.domain.PayoutMethod;

/** One approved payout ready for the bank, with its decrypted destination. */
public record ExportLine(Payout payout, PayoutMethod method, String destination) {
}
