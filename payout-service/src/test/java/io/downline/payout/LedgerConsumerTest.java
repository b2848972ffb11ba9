package io.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.payout.World.Member;
import io.downline.payout.World.Payable;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveReward;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The consumed events: each applied once, replays change nothing, early ones wait, poison is dead-lettered. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class LedgerConsumerTest extends LedgerChecks {

    @Test
    void everyConsumedEventAppliesOnceAndReplayingEveryOneTwiceChangesNoBalance() {
        Member m = World.member();
        UUID paid = UUID.randomUUID();
        UUID reversedLine = UUID.randomUUID();
        List<EventEnvelope> commissions = List.of(
                World.earned(m.id(), paid, "100.00"),
                World.released(m.id(), paid, "100.00"),
                World.earned(m.id(), reversedLine, "40.00"),
                reversal(m.id(), reversedLine, "15.00", false));
        List<EventEnvelope> incentives = List.of(award(m.id(), UUID.randomUUID(), "CASH", "25.00"),
                award(m.id(), UUID.randomUUID(), "ITEM", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> World.available(m.id()).compareTo(new BigDecimal("125.00")) == 0
                && World.balance(m.id(), "pending").compareTo(new BigDecimal("25.00")) == 0);
        long transfers = World.queryLong("SELECT count(*) FROM transfer WHERE member_id = ?", m.id());
        assertThat(transfers).isEqualTo(5);

        for (int round = 0; round < 2; round++) {
            commissions.forEach(e -> EventPublisher.send(Topics.COMMISSIONS, e));
            incentives.forEach(e -> EventPublisher.send(Topics.INCENTIVES, e));
        }
        // The same causes once more under new event ids (a producer that re-emits): the ledger refuses them too.
        EventEnvelope reemitted = World.released(m.id(), paid, "100.00");
        EventEnvelope reawarded = EventPublisher.publish(EventType.INCENTIVE_AWARDED, "incentive-service", m.id(),
                incentives.get(0).payload(IncentiveAwarded.class));
        // Each topic's last record is behind the replays on its partition: once it is processed, so are they.
        awaitProcessed(reemitted.id());
        awaitProcessed(reawarded.id());

        assertThat(World.available(m.id())).isEqualByComparingTo("125.00");
        assertThat(World.balance(m.id(), "pending")).isEqualByComparingTo("25.00");
        assertThat(World.queryLong("SELECT count(*) FROM transfer WHERE member_id = ?", m.id())).isEqualTo(transfers);
    }

    @Test
    void aReleaseThatArrivesBeforeItsEarnedLineWaitsAndIsAppliedAfterIt() {
        Member m = World.member();
        UUID line = UUID.randomUUID();
        EventEnvelope early = World.released(m.id(), line, "30.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM parked_event WHERE event_id = ? AND waits_for = ?", early.id(),
                "commission-line:" + line) == 1);
        assertThat(World.available(m.id())).isEqualByComparingTo("0.00");

        World.earned(m.id(), line, "30.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> World.available(m.id()).compareTo(new BigDecimal("30.00")) == 0);
        assertThat(World.queryLong("SELECT count(*) FROM parked_event WHERE event_id = ?", early.id())).isZero();
    }

    @Test
    void reversingPaidOutMoneyOpensAClawbackThatTheNextCreditPaysOffFirst() {
        Payable m = World.payable("100.00");
        UUID line = m.creditLine();
        World.requestPayout(m, "80.00").then().statusCode(201);

        try (EventLog payouts = EventLog.tail(Topics.PAYOUTS)) {
            reversal(m.member().id(), line, "50.00", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> World.balance(m.member().id(), "clawback")
                    .compareTo(new BigDecimal("-30.00")) == 0);
            assertThat(World.available(m.member().id())).isEqualByComparingTo("0.00");
            assertThat(payouts.await(EventType.WALLET_DEBITED, m.member().id()).data()).contains("COMMISSION_REVERSED");
        }

        UUID next = UUID.randomUUID();
        World.earned(m.member().id(), next, "50.00");
        World.released(m.member().id(), next, "50.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> World.available(m.member().id())
                .compareTo(new BigDecimal("20.00")) == 0);
        assertThat(World.balance(m.member().id(), "clawback")).isEqualByComparingTo("0.00");
        assertThat(World.balance(m.member().id(), "on_hold")).isEqualByComparingTo("80.00");
    }

    @Test
    void aCommissionInAnotherCurrencyAndAnUnreadableRecordAreDeadLetteredAndMoveNothing() {
        Member m = World.member();
        try (EventLog dlq = EventLog.tailRaw("payout-service." + Topics.COMMISSIONS + ".dlq")) {
            EventEnvelope euro = World.earned(m.id(), UUID.randomUUID(), "10.00", "EUR");
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> r.headers().lastHeader("ce_id") != null
                    && new String(r.headers().lastHeader("ce_id").value()).equals(euro.id().toString()),
                    Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo(m.id().toString());

            EventPublisher.send(new ProducerRecord<>(Topics.COMMISSIONS, m.id().toString(), "{"));
            dlq.awaitRecord(r -> "{".equals(r.value()), Duration.ofSeconds(20));
        }
        assertThat(World.queryLong("SELECT count(*) FROM transfer WHERE member_id = ?", m.id())).isZero();
    }

    @Test
    void aKycExpiryThatArrivesBeforeItsCaseIsKnownWaitsForTheApproval() {
        Member m = World.member();
        UUID caseId = UUID.randomUUID();
        EventEnvelope expired = EventPublisher.publish(EventType.KYC_EXPIRED, "kyc-service", caseId,
                new KycExpired(caseId, m.id(), "FULL", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM parked_event WHERE event_id = ?", expired.id()) == 1);
        EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", caseId,
                new KycApproved(caseId, m.id(), "FULL", "officer-1", Instant.now().plusSeconds(3600), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM kyc_case WHERE case_id = ? AND status = 'EXPIRED'", caseId) == 1);
    }

    private static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> World.queryLong(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    private static EventEnvelope reversal(UUID memberId, UUID line, String amount, boolean released) {
        return EventPublisher.publish(EventType.COMMISSION_REVERSED, "commission-service", memberId,
                new CommissionReversed(line, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), memberId,
                        World.usd(amount), World.usd("0.00"), released, Instant.now()));
    }

    private static EventEnvelope award(UUID memberId, UUID awardId, String type, String cash) {
        return EventPublisher.publish(EventType.INCENTIVE_AWARDED, "incentive-service", memberId,
                new IncentiveAwarded(awardId, UUID.randomUUID(), memberId, "Spring sprint",
                        new IncentiveReward(type, cash == null ? null : World.usd(cash), cash == null ? "Trip" : null),
                        "admin-subject", Instant.now()));
    }
}
