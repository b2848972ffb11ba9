package io.downline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.notification.messaging.CommissionsEventsConsumer;
import io.downline.notification.messaging.OrdersEventsConsumer;
import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.events.incentives.IncentiveReward;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.kyc.KycResubmissionRequested;
import io.downline.platform.events.kyc.KycSubmitted;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutFailed;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingReminder;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.downline.platform.testing.DownlineTestResource;

/** Each consumed event type makes the right notifications for the right people (and rooms), once. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class EventTypesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Inject
    DataSource dataSource;

    Db db;
    Member sponsor;
    Member member;

    @BeforeEach
    void members() {
        db = new Db(dataSource);
        sponsor = TestEvents.register(null);
        member = TestEvents.register(sponsor.id());
    }

    @Test
    void usersEvents() {
        UUID registration = TestEvents.publishRegistration(UUID.randomUUID(), "sub-x-" + UUID.randomUUID(), "Xena",
                member.id()).id();
        assertThat(db.awaitNotificationsOf(registration, 2)).hasSize(2).allMatch(s -> s.endsWith("welcome")
                || s.equals(member.room() + " downline-new-member"));

        expect(publish(EventType.MEMBER_SUSPENDED, member.id(), new MemberSuspended(member.id(), "unpaid fees", "admin", NOW)),
                member.room() + " account-suspended");
        expect(publish(EventType.MEMBER_REINSTATED, member.id(),
                new MemberReinstated(member.id(), "fees paid", "admin", "ACTIVE", NOW)), member.room() + " account-reinstated");

        Member leader = TestEvents.register(sponsor.id());
        UUID team = TestEvents.team(leader.id(), "Eagles");
        UUID added = publish(EventType.TEAM_MEMBER_ADDED, team, new TeamMemberAdded(team, member.id(), NOW));
        expect(added, "team:" + team + " team-member-added", member.room() + " team-joined");

        UUID meeting = UUID.randomUUID();
        expect(publish(EventType.MEETING_SCHEDULED, meeting, new MeetingScheduled(meeting, team, "Kick-off",
                NOW.plusSeconds(3600), NOW.plusSeconds(7200), "Hall 2", leader.id(), NOW)),
                leader.room() + " meeting-scheduled", member.room() + " meeting-scheduled", "team:" + team + " meeting-scheduled");
        expect(publish(EventType.MEETING_REMINDER, meeting, new MeetingReminder(meeting, team, "Kick-off",
                NOW.plusSeconds(3600), NOW)),
                leader.room() + " meeting-reminder", "meeting:" + meeting + " meeting-reminder", member.room() + " meeting-reminder");
        expect(publish(EventType.MEETING_CANCELLED, meeting, new MeetingCancelled(meeting, team, "speaker ill", NOW)),
                leader.room() + " meeting-cancelled", "meeting:" + meeting + " meeting-cancelled",
                member.room() + " meeting-cancelled");
    }

    @Test
    void kycEvents() {
        UUID kycCase = UUID.randomUUID();
        expect(publish(EventType.KYC_SUBMITTED, kycCase, new KycSubmitted(kycCase, member.id(), "BASIC",
                List.of("PASSPORT"), NOW)), member.room() + " kyc-submitted", "role:kyc-review kyc-case-waiting");
        expect(publish(EventType.KYC_RESUBMISSION_REQUESTED, kycCase, new KycResubmissionRequested(kycCase, member.id(),
                "BASIC", "officer", "blurred", List.of("PASSPORT"), NOW)), member.room() + " kyc-resubmission-requested");
        expect(publish(EventType.KYC_REJECTED, kycCase, new KycRejected(kycCase, member.id(), "BASIC", "officer",
                "expired passport", NOW)), member.room() + " kyc-rejected");
        expect(publish(EventType.KYC_APPROVED, kycCase, new KycApproved(kycCase, member.id(), "BASIC", "officer",
                NOW.plusSeconds(86400 * 365), NOW)), member.room() + " kyc-approved");
        expect(publish(EventType.KYC_EXPIRED, kycCase, new KycExpired(kycCase, member.id(), "BASIC", NOW)),
                member.room() + " kyc-expired");
    }

    @Test
    void commissionEvents() {
        EventEnvelope earned = TestEvents.commission(sponsor.id(), member.id(), "12.50");
        expect(earned.id(), sponsor.room() + " commission-earned");
        assertThat(db.strings("SELECT title FROM notification WHERE event_id = ?", earned.id()))
                .containsExactly("You earned 12.50 USD");
        expect(publish(EventType.COMMISSION_REVERSED, sponsor.id(), new CommissionReversed(UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sponsor.id(), Money.of("12.50", "USD"),
                Money.of("0.00", "USD"), false, NOW)), sponsor.room() + " commission-reversed");
        expect(publish(EventType.MEMBER_RANK_CHANGED, member.id(), new MemberRankChanged(member.id(), "MEMBER",
                "BRONZE", "2026-10", NOW)), member.room() + " rank-advanced");
        expect(publish(EventType.PERIOD_CLOSED, "2026-10", new PeriodClosed("2026-10", 2, new BigDecimal("100.00"),
                NOW, NOW)), "role:finance period-closed");
    }

    @Test
    void payoutEvents() {
        UUID payout = UUID.randomUUID();
        Money amount = Money.of("900.00", "USD");
        expect(publish(EventType.PAYOUT_REQUESTED, payout, new PayoutRequested(payout, member.id(), amount, 2, NOW)),
                member.room() + " payout-requested", "role:finance payout-waiting");
        expect(publish(EventType.PAYOUT_APPROVED, payout, new PayoutApproved(payout, member.id(), amount, "finance1",
                1, 2, NOW)), "role:finance payout-second-approval");
        expect(publish(EventType.PAYOUT_APPROVED, payout, new PayoutApproved(payout, member.id(), amount, "finance2",
                2, 2, NOW)), member.room() + " payout-approved");
        expect(publish(EventType.PAYOUT_PAID, payout, new PayoutPaid(payout, member.id(), amount, "SEPA-1", NOW)),
                member.room() + " payout-paid");
        UUID other = UUID.randomUUID();
        expect(publish(EventType.PAYOUT_REJECTED, other, new PayoutRejected(other, member.id(), amount, "finance1",
                "unverified account", NOW)), member.room() + " payout-rejected");
        expect(publish(EventType.PAYOUT_FAILED, other, new PayoutFailed(other, member.id(), amount, "bank refused", NOW)),
                member.room() + " payout-failed");
    }

    @Test
    void incentiveEvents() {
        UUID program = UUID.randomUUID();
        expect(publish(EventType.INCENTIVE_QUALIFIED, program, new IncentiveQualified(program, member.id(), "Fast Start",
                NOW)), member.room() + " incentive-qualified");
        expect(publish(EventType.INCENTIVE_AWARDED, program, new IncentiveAwarded(UUID.randomUUID(), program, member.id(),
                "Fast Start", new IncentiveReward("CASH", Money.of("50.00", "USD"), null), "admin", NOW)),
                member.room() + " incentive-awarded");
    }

    @Test
    void aSaleConcernsNobodyPersonally() {
        UUID order = UUID.randomUUID();
        UUID event = publish(EventType.ORDER_COMPLETED, order, new OrderCompleted(order, member.id(),
                Money.of("20.00", "USD"), new BigDecimal("20.00"), NOW, NOW));
        db.awaitProcessed(OrdersEventsConsumer.NAME, event);
        assertThat(db.notificationsOf(event)).isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        EventEnvelope earned = TestEvents.commission(sponsor.id(), member.id(), "5.00");
        expect(earned.id(), sponsor.room() + " commission-earned");

        EventPublisher.send(Topics.COMMISSIONS, earned);
        // A later event of the same key (same partition) is applied after the duplicate was seen.
        EventEnvelope later = TestEvents.commission(sponsor.id(), member.id(), "6.00");
        expect(later.id(), sponsor.room() + " commission-earned");

        assertThat(db.notificationsOf(earned.id())).containsExactly(sponsor.room() + " commission-earned");
        assertThat(db.strings("SELECT sequence::text FROM notification WHERE event_id IN (?, ?) ORDER BY sequence",
                earned.id(), later.id())).hasSize(2);
    }

    @Test
    void anEventForAMemberNotKnownYetIsParkedThenApplied() {
        UUID newcomer = UUID.randomUUID();
        EventEnvelope early = TestEvents.commission(newcomer, member.id(), "7.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.parked(early.id()));
        assertThat(db.notificationsOf(early.id())).isEmpty();

        TestEvents.publishRegistration(newcomer, "sub-" + newcomer, "Late Comer", sponsor.id());

        expect(early.id(), "member:" + newcomer + " commission-earned");
        await().atMost(Duration.ofSeconds(30)).until(() -> !db.parked(early.id()));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopic() {
        try (EventLog dlq = EventLog.tailRaw("notification-service.commissions.events.v1.dlq")) {
            EventPublisher.send(new ProducerRecord<>(Topics.COMMISSIONS, "poison", "{not json"));
            dlq.awaitRecord(r -> "poison".equals(r.key()), Duration.ofSeconds(30));
        }
        EventEnvelope after = TestEvents.commission(sponsor.id(), member.id(), "1.00");
        expect(after.id(), sponsor.room() + " commission-earned");
        assertThat(CommissionsEventsConsumer.NAME).isEqualTo("notification-service:commissions");
    }

    private UUID publish(EventType type, Object subject, EventPayload payload) {
        return EventPublisher.publish(type, "test", subject, payload).id();
    }

    private void expect(UUID eventId, String... notifications) {
        assertThat(db.awaitNotificationsOf(eventId, notifications.length)).containsExactlyInAnyOrder(notifications);
    }
}
