package io.downline.payout;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;

/**
 * Every test class extends this: after each test the admin's invariant check must find the ledger whole (sum
 * zero, no negative available balance, every wallet equal to its entries).
 */
public abstract class LedgerChecks {

    @AfterEach
    void ledgerInvariantsHold() {
        World.as(World.ADMIN).get("/api/payouts/ledger/invariants")
                .then().statusCode(200).body("holds", equalTo(true)).body("sumOfAllBalances", equalTo("0.00"));
    }
}
