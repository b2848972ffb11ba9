package io.downline.payout.domain;

/**
 * Why money moved: the kind of cause of a posting. With the cause's id it names one posting, which the ledger
 * applies at most once. The names that touch the available balance are the reasons of wallet.credited and
 * wallet.debited.
 */
public enum LedgerReason {
    /** Commission expense to pending, from commission.earned (cause: the line). */
    COMMISSION_EARNED,
    /** Pending to available (clawback first), from commission.released (cause: the line). */
    COMMISSION_RELEASED,
    /** Back to commission expense, from commission.reversed (cause: the reversal). */
    COMMISSION_REVERSED,
    /** Incentive expense to available (clawback first), from a cash incentive.awarded (cause: the award). */
    INCENTIVE_AWARDED,
    /** Available to on hold, at a payout request (cause: the payout). */
    PAYOUT_HOLD,
    /** On hold back to available: rejected, cancelled or failed (cause: the payout). */
    PAYOUT_HOLD_RELEASED,
    /** On hold to payouts in transit: paid (cause: the payout). */
    PAYOUT_PAID
}
