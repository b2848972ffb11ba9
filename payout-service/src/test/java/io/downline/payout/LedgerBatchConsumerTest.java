package io.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveReward;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The commission and incentive consumers apply a poll in one transaction: the same ledger (transfers, balances,
 * wallet events) as the same events applied one at a time, in far fewer transactions, and a redelivered batch
 * changes nothing.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class LedgerBatchConsumerTest extends LedgerChecks {

    @Inject
    TestClock clock;

    @Test
    void aPollOfCommissionEventsIsAppliedInFewTransactionsWithTheLedgerOfOneByOne() {
        Scenario batched = new Scenario();
        Scenario single = new Scenario();

        EventPublisher.sendTogether(batched.commissions().stream()
                .map(event -> CloudEventCodec.toRecord(Topics.COMMISSIONS, event)).toList());
        awaitProcessed(batched.commissions());
        for (EventEnvelope event : single.commissions()) {
            EventPublisher.send(Topics.COMMISSIONS, event);
            awaitProcessed(List.of(event));
        }

        // Earned and released in the same poll, a clawback opened and paid off, a reversal before release.
        assertThat(balances(batched.member)).containsExactly("40.00", "5.00", "0.00", "0.00");
        assertThat(balances(batched.other)).containsExactly("25.00", "0.00", "0.00", "0.00");
        for (UUID[] pair : List.of(new UUID[] { batched.member, single.member },
                new UUID[] { batched.other, single.other })) {
            assertThat(balances(pair[0])).containsExactlyElementsOf(balances(pair[1]));
            assertThat(transfers(pair[0])).containsExactlyElementsOf(transfers(pair[1]));
            assertThat(walletEvents(pair[0])).containsExactlyElementsOf(walletEvents(pair[1]));
        }
        assertThat(walletEvents(batched.member)).isNotEmpty();
        long events = batched.commissions().size();
        assertThat(transactionsOf(batched)).isLessThan(events / 3);
        // One by one, every event that moved money had its own transaction: 8 of the member's, 10 of the other's.
        assertThat(transactionsOf(single)).isEqualTo(18);
    }

    @Test
    void aRedeliveredOrReEmittedBatchChangesNothing() {
        Scenario scenario = new Scenario();
        List<EventEnvelope> commissions = scenario.commissions();
        EventPublisher.sendTogether(records(commissions));
        awaitProcessed(commissions);
        List<String> balances = balances(scenario.member);
        List<String> transfers = transfers(scenario.member);
        List<String> walletEvents = walletEvents(scenario.member);

        // The same records again, then the same causes under new event ids (a producer that re-emits).
        EventPublisher.sendTogether(records(commissions));
        List<EventEnvelope> reEmitted = commissions.stream().map(event -> EventEnvelope.of(
                EventType.find(event.type()).orElseThrow(), event.source(), event.subject(), payloadOf(event), null))
                .toList();
        EventPublisher.sendTogether(records(reEmitted));
        awaitProcessed(reEmitted);

        assertThat(balances(scenario.member)).isEqualTo(balances);
        assertThat(transfers(scenario.member)).isEqualTo(transfers);
        assertThat(walletEvents(scenario.member)).isEqualTo(walletEvents);
    }

    @Test
    void aPollOfIncentiveAwardsIsAppliedInOneGoAndOnlyCashMovesMoney() {
        UUID member = UUID.randomUUID();
        List<EventEnvelope> awards = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            awards.add(award(member, i % 2 == 0 ? "CASH" : "ITEM", "7.50"));
        }
        EventPublisher.sendTogether(awards.stream().map(e -> CloudEventCodec.toRecord(Topics.INCENTIVES, e)).toList());
        awaitProcessed(awards);

        assertThat(balances(member)).containsExactly("37.50", "0.00", "0.00", "0.00");
        assertThat(walletEvents(member)).hasSize(5).last().isEqualTo("wallet.credited INCENTIVE_AWARDED 7.50 37.50");
        assertThat(World.queryLong("SELECT count(DISTINCT xmin::text) FROM transfer WHERE member_id = ?", member))
                .isLessThan(5);
    }

    /** Two members' commission events, with amounts chosen so that order matters. */
    private final class Scenario {
        final UUID member = UUID.randomUUID();
        final UUID other = UUID.randomUUID();
        private final List<EventEnvelope> commissions = new ArrayList<>();

        Scenario() {
            UUID paid = UUID.randomUUID();
            UUID later = UUID.randomUUID();
            UUID refunded = UUID.randomUUID();
            UUID zero = UUID.randomUUID();
            add(earned(member, paid, "100.00"));
            add(released(member, paid, "100.00"));
            add(earned(member, later, "90.00"));
            // More than the available balance: 100.00 from available, 50.00 owed.
            add(reversed(member, paid, "150.00", true));
            // Pays the 50.00 owed first, then 40.00 to available.
            add(released(member, later, "90.00"));
            add(earned(member, refunded, "10.00"));
            add(reversed(member, refunded, "10.00", false));
            add(earned(member, zero, "5.00"));
            add(released(member, zero, "0.00"));
            for (int i = 0; i < 5; i++) {
                UUID line = UUID.randomUUID();
                add(earned(other, line, "5.00"));
                add(released(other, line, "5.00"));
            }
        }

        private void add(EventPayload payload) {
            EventType type = payload instanceof CommissionEarned ? EventType.COMMISSION_EARNED
                    : payload instanceof CommissionReleased ? EventType.COMMISSION_RELEASED
                    : EventType.COMMISSION_REVERSED;
            UUID key = payload instanceof CommissionEarned e ? e.beneficiaryId()
                    : payload instanceof CommissionReleased r ? r.beneficiaryId()
                    : ((CommissionReversed) payload).beneficiaryId();
            commissions.add(EventEnvelope.of(type, "commission-service", key.toString(), payload, null));
        }

        List<EventEnvelope> commissions() {
            return commissions;
        }
    }

    private EventPayload payloadOf(EventEnvelope event) {
        Class<? extends EventPayload> type = EventType.find(event.type()).orElseThrow().payloadClass();
        return event.payload(type);
    }

    private List<ProducerRecord<String, String>> records(List<EventEnvelope> events) {
        return events.stream().map(event -> CloudEventCodec.toRecord(Topics.COMMISSIONS, event)).toList();
    }

    private CommissionEarned earned(UUID member, UUID line, String amount) {
        return new CommissionEarned(line, UUID.randomUUID(), member, UUID.randomUUID(), 1, new BigDecimal("0.10"),
                new BigDecimal(amount).multiply(BigDecimal.TEN), World.usd(amount), "MEMBER", "2026-11", 1,
                clock.instant().plus(14, ChronoUnit.DAYS), clock.instant());
    }

    private CommissionReleased released(UUID member, UUID line, String amount) {
        return new CommissionReleased(line, UUID.randomUUID(), member, World.usd(amount), clock.instant());
    }

    private CommissionReversed reversed(UUID member, UUID line, String amount, boolean released) {
        return new CommissionReversed(line, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), member,
                World.usd(amount), World.usd("0.00"), released, clock.instant());
    }

    private EventEnvelope award(UUID member, String type, String cash) {
        IncentiveReward reward = "CASH".equals(type) ? new IncentiveReward(type, World.usd(cash), null)
                : new IncentiveReward(type, null, "Trip");
        return EventEnvelope.of(EventType.INCENTIVE_AWARDED, "incentive-service", member.toString(),
                new IncentiveAwarded(UUID.randomUUID(), UUID.randomUUID(), member, "Spring sprint", reward,
                        "admin-subject", clock.instant()), null);
    }

    private void awaitProcessed(List<EventEnvelope> events) {
        String[] ids = events.stream().map(event -> event.id().toString()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30)).until(() -> World.queryLong(
                "SELECT count(*) FROM processed_event WHERE event_id = ANY (?::uuid[])", (Object) ids) == ids.length);
    }

    /** available, pending, on hold, clawback. */
    private List<String> balances(UUID member) {
        return column("SELECT available::text, pending::text, on_hold::text, clawback::text FROM wallet"
                + " WHERE member_id = ?", member, row -> Arrays.stream(row).map(String::valueOf).toList());
    }

    /** Each transfer's reason, leg, accounts and amount, in posting order. */
    private List<String> transfers(UUID member) {
        return column("""
                SELECT concat_ws(' ', reason, leg, debit_kind, credit_kind, amount) FROM transfer
                WHERE member_id = ? ORDER BY seq""", member, row -> List.of((String) row[0]));
    }

    /** Each wallet event's type, reason, amount and available balance after it, in outbox order. */
    private List<String> walletEvents(UUID member) {
        return column("""
                SELECT concat_ws(' ', type, payload::jsonb ->> 'reason', payload::jsonb -> 'amount' ->> 'amount',
                                 payload::jsonb -> 'availableBalance' ->> 'amount')
                FROM outbox_log WHERE aggregate_id = ? AND type LIKE 'wallet.%' ORDER BY id""", member.toString(),
                row -> List.of((String) row[0]));
    }

    /** Transactions that wrote the scenario's transfers. */
    private long transactionsOf(Scenario scenario) {
        return World.queryLong("SELECT count(DISTINCT xmin::text) FROM transfer WHERE member_id IN (?, ?)",
                scenario.member, scenario.other);
    }

    private List<String> column(String sql, Object parameter, Function<Object[], List<String>> row) {
        return World.query(sql, parameter).stream().flatMap(r -> row.apply(r).stream()).toList();
    }
}
