package io.downline.payout.domain;

import java.util.List;

/** What one cause did to a member's wallet: the balances before and after, and the transfers written. */
public record Posting(Balances before, Balances after, List<Transfer> transfers) {
}
