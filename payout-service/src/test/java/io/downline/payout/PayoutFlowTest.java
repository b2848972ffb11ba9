package io.downline.payout;

import static io.downline.payout.World.FINANCE_1;
import static io.downline.payout.World.FINANCE_2;
import static io.downline.payout.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.payout.World.Payable;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.payouts.WalletCredited;
import io.downline.platform.events.payouts.WalletDebited;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PayoutFlowTest extends LedgerChecks {

    @Test
    void aLargePayoutNeedsTwoDifferentApproversThenIsPaidAndEveryStepIsAnnounced() {
        Payable alice = World.payable("1500.00");
        try (EventLog payouts = EventLog.tail(Topics.PAYOUTS)) {
            UUID id = UUID.fromString(World.requestPayout(alice, "1200.00").then().statusCode(201)
                    .body("status", equalTo("REQUESTED")).body("amount", equalTo("1200.00"))
                    .body("requiredApprovals", equalTo(2)).extract().path("id"));
            as(alice.member().token()).get("/api/payouts/wallets/me").then().statusCode(200)
                    .body("available", equalTo("300.00")).body("onHold", equalTo("1200.00"));

            as(FINANCE_1).post("/api/payouts/{id}/approve", id).then().statusCode(200)
                    .body("status", equalTo("REQUESTED")).body("approvals", equalTo(1));
            as(FINANCE_1).post("/api/payouts/{id}/approve", id).then().statusCode(409)
                    .contentType("application/problem+json");
            as(FINANCE_2).post("/api/payouts/{id}/approve", id).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("approvals", equalTo(2));
            as(FINANCE_1).get("/api/payouts/{id}", id).then().statusCode(200)
                    .body("approvers", equalTo(List.of("finance-1", "finance-2")));

            settle(id, "PAID", "BANK-REF-1").then().statusCode(200).body("[0].status", equalTo("PAID"))
                    .body("[0].paymentReference", equalTo("BANK-REF-1"));
            as(alice.member().token()).get("/api/payouts/wallets/me").then().statusCode(200)
                    .body("available", equalTo("300.00")).body("onHold", equalTo("0.00"));

            PayoutRequested requested = payouts.await(EventType.PAYOUT_REQUESTED, id).payload(PayoutRequested.class);
            assertThat(requested.requiredApprovals()).isEqualTo(2);
            assertThat(requested.amount().amount()).isEqualByComparingTo("1200.00");
            List<EventEnvelope> approvals = payouts.awaitCount(EventType.PAYOUT_APPROVED,
                    e -> e.subject().equals(id.toString()), 2, Duration.ofSeconds(15));
            assertThat(approvals).extracting(e -> e.payload(PayoutApproved.class).reviewer())
                    .containsExactly("finance-1", "finance-2");
            PayoutPaid paid = payouts.await(EventType.PAYOUT_PAID, id).payload(PayoutPaid.class);
            assertThat(paid.paymentReference()).isEqualTo("BANK-REF-1");
            WalletDebited hold = payouts.await(EventType.WALLET_DEBITED, alice.member().id()).payload(WalletDebited.class);
            assertThat(hold.reason()).isEqualTo("PAYOUT_HOLD");
            assertThat(hold.referenceId()).isEqualTo(id);
            assertThat(hold.availableBalance().amount()).isEqualByComparingTo("300.00");
            List<AdminActionPerformed> audits = payouts.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.subject().equals(id.toString()), 3, Duration.ofSeconds(15)).stream()
                    .map(e -> e.payload(AdminActionPerformed.class)).toList();
            assertThat(audits).extracting(AdminActionPerformed::action)
                    .containsExactly("payout.approve", "payout.approve", "payout.settle");
            assertThat(payouts.records()).allSatisfy(r -> assertThat(r.key()).isNotBlank());
        }
        as(alice.member().token()).get("/api/payouts/wallets/{id}/statement", alice.member().id()).then()
                .statusCode(200).body("total", equalTo(4))
                .body("items.reason", equalTo(List.of("PAYOUT_PAID", "PAYOUT_HOLD", "COMMISSION_RELEASED",
                        "COMMISSION_EARNED")))
                .body("items[0].to", equalTo("PAYOUTS_IN_TRANSIT"));
    }

    @Test
    void aSmallPayoutNeedsOneApproverAndAFailedPaymentReleasesTheHold() {
        Payable bob = World.payable("200.00");
        UUID id = UUID.fromString(World.requestPayout(bob, "150.00").then().statusCode(201)
                .body("requiredApprovals", equalTo(1)).extract().path("id"));
        as(FINANCE_2).post("/api/payouts/{id}/approve", id).then().statusCode(200).body("status", equalTo("APPROVED"));
        try (EventLog payouts = EventLog.tail(Topics.PAYOUTS)) {
            settle(id, "FAILED", null).then().statusCode(200).body("[0].status", equalTo("FAILED"));
            WalletCredited back = payouts.await(EventType.WALLET_CREDITED, bob.member().id())
                    .payload(WalletCredited.class);
            assertThat(back.reason()).isEqualTo("PAYOUT_HOLD_RELEASED");
            assertThat(back.availableBalance().amount()).isEqualByComparingTo("200.00");
            payouts.await(EventType.PAYOUT_FAILED, id);
        }
        assertThat(World.available(bob.member().id())).isEqualByComparingTo("200.00");
        settle(id, "PAID", "LATE").then().statusCode(409);
    }

    @Test
    void aBankFileSettlesSeveralPayoutsAtOnceAllOrNone() {
        Payable paid = World.payable("300.00");
        Payable failed = World.payable("300.00");
        Payable waiting = World.payable("300.00");
        UUID paidId = approvedPayout(paid, "100.00");
        UUID failedId = approvedPayout(failed, "120.00");
        UUID requestedId = UUID.fromString(World.requestPayout(waiting, "130.00").then().statusCode(201)
                .extract().path("id"));

        // One item the bank file cannot settle (still REQUESTED): nothing of the file is applied.
        settleAll(List.of(item(paidId, "PAID", "FILE-1"), item(failedId, "FAILED", null),
                item(requestedId, "PAID", "FILE-1"))).then().statusCode(409);
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE id IN (?, ?) AND status = 'APPROVED'", paidId,
                failedId)).isEqualTo(2);
        assertThat(World.balance(paid.member().id(), "on_hold")).isEqualByComparingTo("100.00");
        assertThat(World.balance(failed.member().id(), "on_hold")).isEqualByComparingTo("120.00");

        as(FINANCE_2).post("/api/payouts/{id}/approve", requestedId).then().statusCode(200);
        try (EventLog payouts = EventLog.tail(Topics.PAYOUTS)) {
            settleAll(List.of(item(requestedId, "PAID", "FILE-2"), item(failedId, "FAILED", null),
                    item(paidId, "PAID", "FILE-2"))).then().statusCode(200)
                    .body("id", equalTo(List.of(requestedId.toString(), failedId.toString(), paidId.toString())))
                    .body("status", equalTo(List.of("PAID", "FAILED", "PAID")));
            payouts.await(EventType.PAYOUT_PAID, paidId);
            payouts.await(EventType.PAYOUT_PAID, requestedId);
            payouts.await(EventType.PAYOUT_FAILED, failedId);
            WalletCredited back = payouts.await(EventType.WALLET_CREDITED, failed.member().id())
                    .payload(WalletCredited.class);
            assertThat(back.reason()).isEqualTo("PAYOUT_HOLD_RELEASED");
            assertThat(back.availableBalance().amount()).isEqualByComparingTo("300.00");
            assertThat(payouts.awaitCount(EventType.ADMIN_ACTION_PERFORMED,
                    e -> e.payload(AdminActionPerformed.class).action().equals("payout.settle"), 3,
                    Duration.ofSeconds(15))).extracting(EventEnvelope::subject)
                    .containsExactlyInAnyOrder(requestedId.toString(), failedId.toString(), paidId.toString());
        }
        assertThat(World.balance(paid.member().id(), "on_hold")).isEqualByComparingTo("0.00");
        assertThat(World.available(paid.member().id())).isEqualByComparingTo("200.00");
        assertThat(World.balance(waiting.member().id(), "on_hold")).isEqualByComparingTo("0.00");
        assertThat(World.available(failed.member().id())).isEqualByComparingTo("300.00");
        assertThat(World.queryLong("SELECT count(*) FROM transfer WHERE cause_id IN (?, ?, ?) AND reason IN "
                + "('PAYOUT_PAID', 'PAYOUT_HOLD_RELEASED')", paidId, failedId, requestedId)).isEqualTo(3);
    }

    @Test
    void rejectionAndCancellationGiveTheHoldBack() {
        Payable carol = World.payable("500.00");
        UUID rejected = UUID.fromString(World.requestPayout(carol, "100.00").then().statusCode(201).extract().path("id"));
        try (EventLog payouts = EventLog.tail(Topics.PAYOUTS)) {
            as(FINANCE_1).body(Map.of("reason", "Bank details under review")).post("/api/payouts/{id}/reject", rejected)
                    .then().statusCode(200).body("status", equalTo("REJECTED"))
                    .body("decisionReason", equalTo("Bank details under review"));
            PayoutRejected event = payouts.await(EventType.PAYOUT_REJECTED, rejected).payload(PayoutRejected.class);
            assertThat(event.reason()).isEqualTo("Bank details under review");
            assertThat(event.reviewer()).isEqualTo("finance-1");
        }
        as(FINANCE_1).post("/api/payouts/{id}/approve", rejected).then().statusCode(409);

        UUID cancelled = UUID.fromString(World.requestPayout(carol, "400.00").then().statusCode(201).extract().path("id"));
        assertThat(World.available(carol.member().id())).isEqualByComparingTo("100.00");
        as(carol.member().token()).post("/api/payouts/{id}/cancel", cancelled).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(carol.member().token()).post("/api/payouts/{id}/cancel", cancelled).then().statusCode(409);
        assertThat(World.available(carol.member().id())).isEqualByComparingTo("500.00");
        assertThat(World.balance(carol.member().id(), "on_hold")).isEqualByComparingTo("0.00");

        as(carol.member().token()).get("/api/payouts/mine").then().statusCode(200).body("total", equalTo(2))
                .body("items.status", hasItems("REJECTED", "CANCELLED"));
    }

    @Test
    void financeFiltersTheQueueByStatusAndAmountWithTotals() {
        Payable dave = World.payable("900.00");
        Payable erin = World.payable("900.00");
        World.requestPayout(dave, "60.00").then().statusCode(201);
        World.requestPayout(erin, "800.00").then().statusCode(201);
        as(FINANCE_1).queryParam("status", "REQUESTED").queryParam("minAmount", "700")
                .queryParam("memberId", erin.member().id().toString())
                .get("/api/payouts").then().statusCode(200).body("total", equalTo(1))
                .body("totalAmount", equalTo("800.00")).body("items[0].amount", equalTo("800.00"));
        BigDecimal both = new BigDecimal(as(World.AUDITOR).queryParam("status", "REQUESTED").queryParam("size", "100")
                .queryParam("maxAmount", "800.00").get("/api/payouts").then().statusCode(200)
                .extract().<String>path("totalAmount"));
        assertThat(both).isGreaterThanOrEqualTo(new BigDecimal("860.00"));
    }

    static io.restassured.response.Response settle(UUID id, String outcome, String reference) {
        return settleAll(List.of(item(id, outcome, reference)));
    }

    private static io.restassured.response.Response settleAll(List<Map<String, Object>> items) {
        return as(FINANCE_1).body(Map.of("items", items)).post("/api/payouts/settlements");
    }

    private static Map<String, Object> item(UUID id, String outcome, String reference) {
        Map<String, Object> item = new HashMap<>(Map.of("payoutId", id.toString(), "outcome", outcome));
        if (reference != null) {
            item.put("reference", reference);
        } else {
            item.put("reason", "Account closed");
        }
        return item;
    }

    private static UUID approvedPayout(Payable payable, String amount) {
        UUID id = UUID.fromString(World.requestPayout(payable, amount).then().statusCode(201).extract().path("id"));
        as(FINANCE_2).post("/api/payouts/{id}/approve", id).then().statusCode(200).body("status", equalTo("APPROVED"));
        return id;
    }
}
