package io.downline.payout.domain;

/**
 * The chart of accounts. A member has the first four; the company has the others, one each. An account's
 * balance is its credits minus its debits, so money owed to a member is positive and the company's expense
 * accounts, which fund every credit, are negative.
 */
public enum AccountKind {
    /** What the member may request a payout of. */
    AVAILABLE(true),
    /** Commissions earned and still in their hold window. */
    PENDING(true),
    /** Held for an open payout request. */
    ON_HOLD(true),
    /** What the member owes after a reversal of money already paid out (zero or negative). */
    CLAWBACK(true),
    /** Funds every commission line; reversals flow back to it. */
    COMMISSION_EXPENSE(false),
    /** Funds every cash incentive award. */
    INCENTIVE_EXPENSE(false),
    /** Paid payouts, on their way out through the bank. */
    PAYOUTS_IN_TRANSIT(false),
    /** Payout fees; the company charges none by default, so nothing is posted to it. */
    FEES(false);

    private final boolean memberAccount;

    AccountKind(boolean memberAccount) {
        this.memberAccount = memberAccount;
    }

    public boolean memberAccount() {
        return memberAccount;
    }
}
