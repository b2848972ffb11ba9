package io.downline.payout;

import static io.downline.payout.World.FINANCE_1;
import static io.downline.payout.World.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.payout.World.Member;
import io.downline.payout.World.Payable;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every refusal is a precise problem response and moves no money. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PayoutRefusalTest extends LedgerChecks {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPayoutRequestIsRefusedPreciselyAndMovesNoMoney() {
        Payable m = World.payable("300.00");
        Payable other = World.payable("60.00");
        Map<String, String> body = Map.of("amount", "100.00", "methodId", m.methodId().toString());

        given().contentType(ContentType.JSON).header("Idempotency-Key", "k0").body(body).post("/api/payouts")
                .then().statusCode(401).contentType("application/problem+json");
        as(FINANCE_1).header("Idempotency-Key", "k1").body(body).post("/api/payouts").then().statusCode(403);
        as(m.member().token()).body(body).post("/api/payouts").then().statusCode(400)
                .body("type", containsString("idempotency-key-missing"));
        for (String bad : List.of("100.001", "-5.00", "0", "0.00")) {
            request(m, bad, m.methodId()).then().statusCode(400).body("errors.field", hasItem(containsString("amount")));
        }
        request(m, "49.99", m.methodId()).then().statusCode(422).body("detail", containsString("minimum"));
        request(m, "300.01", m.methodId()).then().statusCode(422).body("detail", containsString("exceeds"));
        request(m, "100.00", other.methodId()).then().statusCode(422).body("errors.field", hasItem("methodId"));
        as(m.member().token()).header("Idempotency-Key", "k2").body(Map.of("methodId", m.methodId().toString()))
                .post("/api/payouts").then().statusCode(400);

        assertThat(World.available(m.member().id())).isEqualByComparingTo("300.00");
        assertThat(World.balance(m.member().id(), "on_hold")).isEqualByComparingTo("0.00");
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE member_id = ?", m.member().id())).isZero();

        String first = as(m.member().token()).header("Idempotency-Key", "same").body(body).post("/api/payouts")
                .then().statusCode(201).extract().asString();
        String again = as(m.member().token()).header("Idempotency-Key", "same").body(body).post("/api/payouts")
                .then().statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        as(m.member().token()).header("Idempotency-Key", "same")
                .body(Map.of("amount", "101.00", "methodId", m.methodId().toString())).post("/api/payouts")
                .then().statusCode(422).body("type", containsString("idempotency-key-reused"));
        request(m, "50.00", m.methodId()).then().statusCode(409).body("detail", containsString("open payout"));
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE member_id = ?", m.member().id())).isEqualTo(1);
        assertThat(World.available(m.member().id())).isEqualByComparingTo("200.00");
    }

    @Test
    void onlyAnApprovedUnexpiredFullKycCaseAllowsAPayoutAndAnOldCasesExpiryLeavesANewerApprovalAlone() {
        Member m = World.member();
        World.credit(m, "500.00");
        UUID method = World.ibanMethod(m);
        Payable payable = new Payable(m, method, null);
        request(payable, "100.00", method).then().statusCode(422).body("detail", containsString("KYC"));

        World.kyc(m, "BASIC", Instant.now().plus(365, ChronoUnit.DAYS));
        request(payable, "100.00", method).then().statusCode(422);

        UUID oldCase = World.kyc(m, "FULL", Instant.now().plus(10, ChronoUnit.DAYS));
        World.kyc(m, "FULL", Instant.now().plus(365, ChronoUnit.DAYS));
        EventPublisher.publish(EventType.KYC_EXPIRED, "kyc-service", oldCase,
                new KycExpired(oldCase, m.id(), "FULL", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM kyc_case WHERE case_id = ? AND status = 'EXPIRED'", oldCase) == 1);
        UUID id = UUID.fromString(request(payable, "100.00", method).then().statusCode(201).extract().path("id"));
        as(m.token()).post("/api/payouts/{id}/cancel", id).then().statusCode(200);

        clock.advance(Duration.ofDays(366));
        request(payable, "100.00", method).then().statusCode(422).body("detail", containsString("KYC"));
    }

    @Test
    void aSuspendedMemberCannotRequestButCanRead() {
        Payable m = World.payable("100.00");
        EventPublisher.publish(EventType.MEMBER_SUSPENDED, "user-service", m.member().id(),
                new MemberSuspended(m.member().id(), "review", "admin-subject", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM member_projection WHERE member_id = ? AND status = 'SUSPENDED'",
                m.member().id()) == 1);
        request(m, "60.00", m.methodId()).then().statusCode(403).contentType("application/problem+json");
        as(m.member().token()).get("/api/payouts/wallets/me").then().statusCode(200).body("available", equalTo("100.00"));
    }

    @Test
    void membersReachOnlyTheirOwnWalletPayoutsAndMethods() {
        Payable alice = World.payable("100.00");
        Payable bob = World.payable("100.00");
        UUID bobs = UUID.fromString(World.requestPayout(bob, "60.00").then().statusCode(201).extract().path("id"));
        String token = alice.member().token();
        UUID bobId = bob.member().id();

        as(token).get("/api/payouts/wallets/{id}", bobId).then().statusCode(403);
        as(token).get("/api/payouts/wallets/{id}/statement", bobId).then().statusCode(403);
        as(token).get("/api/payouts/methods/members/{id}", bobId).then().statusCode(403);
        as(token).get("/api/payouts/{id}", bobs).then().statusCode(403);
        as(token).get("/api/payouts/{id}", UUID.randomUUID()).then().statusCode(403);
        as(token).post("/api/payouts/{id}/cancel", bobs).then().statusCode(403);
        as(token).post("/api/payouts/{id}/approve", bobs).then().statusCode(403);
        as(token).get("/api/payouts").then().statusCode(403);
        as(token).get("/api/payouts/ledger/invariants").then().statusCode(403);
        as(FINANCE_1).get("/api/payouts/ledger/invariants").then().statusCode(403);
        as(token).get("/api/payouts/exports/csv").then().statusCode(403);

        as(FINANCE_1).get("/api/payouts/wallets/{id}", bobId).then().statusCode(200).body("onHold", equalTo("60.00"));
        as(World.AUDITOR).get("/api/payouts/{id}", bobs).then().statusCode(200);
        as(World.AUDITOR).post("/api/payouts/{id}/approve", bobs).then().statusCode(403);
        as(FINANCE_1).get("/api/payouts/{id}", UUID.randomUUID()).then().statusCode(404);
        as(FINANCE_1).post("/api/payouts/{id}/approve", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void nobodyReviewsTheirOwnRequestAndFinanceInputIsChecked() {
        Member both = World.member();
        String token = Tokens.of(both.subject(), "member", "finance");
        World.fullKyc(both);
        World.credit(both, "2000.00");
        Payable own = new Payable(new Member(both.id(), both.subject(), token), World.ibanMethod(both), null);
        UUID id = UUID.fromString(request(own, "1500.00", own.methodId()).then().statusCode(201).extract().path("id"));

        as(token).post("/api/payouts/{id}/approve", id).then().statusCode(403).body("detail", containsString("own"));
        as(token).body(Map.of("reason", "mine")).post("/api/payouts/{id}/reject", id).then().statusCode(403);
        as(FINANCE_1).body(Map.of()).post("/api/payouts/{id}/reject", id).then().statusCode(400)
                .body("errors.field", hasItem(containsString("reason")));
        as(FINANCE_1).body(Map.of("items", List.of(Map.of("payoutId", id.toString(), "outcome", "PAID"))))
                .post("/api/payouts/settlements").then().statusCode(400);
        as(FINANCE_1).body(Map.of("items", List.of(Map.of("payoutId", id.toString(), "outcome", "PAID",
                "reference", "R1")))).post("/api/payouts/settlements").then().statusCode(409);
        as(FINANCE_1).post("/api/payouts/{id}/approve", id).then().statusCode(200).body("status", equalTo("REQUESTED"));
        assertThat(World.balance(both.id(), "on_hold")).isEqualByComparingTo("1500.00");
        assertThat(World.queryLong("SELECT count(*) FROM payout_approval WHERE payout_id = ?", id)).isEqualTo(1);
    }

    private static io.restassured.response.Response request(Payable payable, String amount, UUID methodId) {
        return as(payable.member().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", amount, "methodId", methodId.toString())).post("/api/payouts");
    }
}
