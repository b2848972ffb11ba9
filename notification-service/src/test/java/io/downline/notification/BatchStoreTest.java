package io.downline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.downline.notification.messaging.CommissionsEventsConsumer;
import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumers store a poll in one transaction (set-based: one numbering statement, one insert, one statement of
 * NOTIFYs) with the effect of storing its events one by one: the same numbers, no gap, preferences and mail, the
 * figures, and a redelivered batch changes nothing.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class BatchStoreTest {

    @Inject
    TestClock clock;

    private static final int PER_MEMBER = 12;

    @Inject
    DataSource dataSource;

    Db db;
    Member seller;

    @BeforeEach
    void members() {
        db = new Db(dataSource);
        seller = TestEvents.register(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactKnown(seller.id()));
    }

    @Test
    void aPollOfCommissionsIsStoredInFewTransactionsNumberedAsOneByOne() {
        List<Member> members = List.of(TestEvents.register(null), TestEvents.register(null), TestEvents.register(null));
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream().allMatch(m -> contactKnown(m.id())));
        Member muted = members.get(1);
        Member mailed = members.get(2);
        db.update("INSERT INTO preference (member_id, type, muted, email, updated_at)"
                + " VALUES (?, 'commission-earned', true, false, now())", muted.id());
        db.update("INSERT INTO preference (member_id, type, muted, email, updated_at)"
                + " VALUES (?, 'commission-earned', false, true, now())", mailed.id());
        BigDecimal commissionsBefore = new BigDecimal(db.strings("SELECT commissions FROM live_figures").get(0));

        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < PER_MEMBER; i++) {
            for (Member member : members) {
                events.add(commission(member.id(), (i + 1) + ".00"));
            }
        }
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, events));
        EventEnvelope last = events.get(events.size() - 1);
        db.awaitProcessed(CommissionsEventsConsumer.NAME, last.id());

        UUID first = members.get(0).id();
        // The welcome is number 1; then numbered in the order the events were published, as one by one would
        // have: amount i is number i + 1. The muted member's stream took no number.
        for (Member member : List.of(members.get(0), mailed)) {
            List<String> numbered = commissions(member.id());
            assertThat(numbered).hasSize(PER_MEMBER);
            for (int i = 1; i <= PER_MEMBER; i++) {
                assertThat(numbered.get(i - 1)).isEqualTo((i + 1) + " You earned " + i + ".00 USD");
            }
            assertThat(lastSequence(member)).isEqualTo(PER_MEMBER + 1);
        }
        assertThat(commissions(muted.id())).isEmpty();
        assertThat(lastSequence(muted)).isEqualTo(1);
        assertThat(db.strings("SELECT count(*)::text FROM email_outbox o JOIN notification n ON n.id = o.notification_id"
                + " WHERE n.member_id = ?", mailed.id())).containsExactly(String.valueOf(PER_MEMBER));
        // 36 events, 24 notifications: far fewer transactions than events (a poll per transaction).
        assertThat(Integer.parseInt(db.strings("SELECT count(DISTINCT xmin::text)::text FROM notification"
                + " WHERE member_id IN (?, ?)", first, mailed.id()).get(0))).isLessThanOrEqualTo(4);
        BigDecimal added = BigDecimal.ZERO;
        for (int i = 1; i <= PER_MEMBER; i++) {
            added = added.add(new BigDecimal(i).multiply(new BigDecimal(members.size())));
        }
        assertThat(new BigDecimal(db.strings("SELECT commissions FROM live_figures").get(0)))
                .isEqualByComparingTo(commissionsBefore.add(added));

        List<String> before = db.strings("SELECT stream || ' ' || sequence || ' ' || id FROM notification"
                + " WHERE member_id IN (?, ?, ?) ORDER BY stream, sequence", first, muted.id(), mailed.id());
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, events));
        EventEnvelope marker = commission(first, "99.00");
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, List.of(marker)));
        db.awaitProcessed(CommissionsEventsConsumer.NAME, marker.id());
        List<String> after = db.strings("SELECT stream || ' ' || sequence || ' ' || id FROM notification"
                + " WHERE member_id IN (?, ?, ?) AND event_id <> ? ORDER BY stream, sequence", first, muted.id(),
                mailed.id(), marker.id());
        assertThat(after).isEqualTo(before);
        assertThat(commissions(first)).hasSize(PER_MEMBER + 1).last()
                .isEqualTo((PER_MEMBER + 2) + " You earned 99.00 USD");
    }

    @Test
    void anEventForgottenByTheInboxButAlreadyStoredTakesNoNumber() {
        Member member = TestEvents.register(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactKnown(member.id()));
        List<EventEnvelope> events = List.of(commission(member.id(), "1.00"), commission(member.id(), "2.00"));
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, events));
        db.awaitProcessed(CommissionsEventsConsumer.NAME, events.get(1).id());
        // As after processed_event's retention purge: the ids are gone, the notifications are not.
        db.update("DELETE FROM processed_event WHERE event_id IN (?, ?)", events.get(0).id(), events.get(1).id());

        EventEnvelope third = commission(member.id(), "3.00");
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, List.of(events.get(0), events.get(1), third)));
        db.awaitProcessed(CommissionsEventsConsumer.NAME, third.id());

        assertThat(commissions(member.id())).containsExactly("2 You earned 1.00 USD", "3 You earned 2.00 USD",
                "4 You earned 3.00 USD");
        assertThat(lastSequence(member)).isEqualTo(4);
    }

    @Test
    void aMemberRegisteredEarlierInTheSameBatchIsKnownToTheLaterEvents() {
        UUID sponsor = UUID.randomUUID();
        UUID recruit = UUID.randomUUID();
        EventEnvelope sponsorRegistered = registration(sponsor, null);
        EventEnvelope recruitRegistered = registration(recruit, sponsor);
        EventPublisher.sendTogether(onOnePartition(Topics.USERS, List.of(sponsorRegistered, recruitRegistered)));

        List<String> sponsorStream = db.awaitNotificationsOf(recruitRegistered.id(), 2);
        assertThat(sponsorStream).containsExactlyInAnyOrder("member:" + recruit + " welcome",
                "member:" + sponsor + " downline-new-member");
        assertThat(db.strings("SELECT sequence || ' ' || type FROM notification WHERE stream = ? ORDER BY sequence",
                "member:" + sponsor)).containsExactly("1 welcome", "2 downline-new-member");
        assertThat(db.parked(recruitRegistered.id())).isFalse();
        assertThat(db.strings("SELECT count(DISTINCT xmin::text)::text FROM notification WHERE event_id IN (?, ?)",
                sponsorRegistered.id(), recruitRegistered.id())).containsExactly("1");
    }

    @Test
    void aBatchWithAnEventThatMustWaitStoresTheOthersWithoutGaps() {
        Member member = TestEvents.register(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactKnown(member.id()));
        UUID stranger = UUID.randomUUID();
        EventEnvelope waiting = commission(stranger, "4.00");
        List<EventEnvelope> events = List.of(commission(member.id(), "1.00"), waiting, commission(member.id(), "2.00"));
        EventPublisher.sendTogether(onOnePartition(Topics.COMMISSIONS, events));
        db.awaitProcessed(CommissionsEventsConsumer.NAME, events.get(2).id());

        assertThat(db.parked(waiting.id())).isTrue();
        assertThat(commissions(member.id())).containsExactly("2 You earned 1.00 USD", "3 You earned 2.00 USD");
        assertThat(lastSequence(member)).isEqualTo(3);
    }

    /** "<sequence> <title>" of the member's commission notifications (number 1 is their welcome). */
    private List<String> commissions(UUID memberId) {
        return db.strings("SELECT sequence || ' ' || title FROM notification WHERE stream = ?"
                + " AND type = 'commission-earned' ORDER BY sequence", "member:" + memberId);
    }

    private long lastSequence(Member member) {
        return Long.parseLong(db.strings("SELECT last_sequence::text FROM stream_sequence WHERE stream = ?",
                member.room()).get(0));
    }

    private boolean contactKnown(UUID memberId) {
        return !db.strings("SELECT name FROM member_contact WHERE member_id = ?", memberId).isEmpty();
    }

    private EventEnvelope commission(UUID beneficiary, String amount) {
        return envelope(EventType.COMMISSION_EARNED, beneficiary, new CommissionEarned(UUID.randomUUID(),
                UUID.randomUUID(), beneficiary, seller.id(), 1, new BigDecimal("0.10"),
                new BigDecimal(amount).multiply(BigDecimal.TEN), Money.of(amount, "USD"), "MEMBER", "2026-11", 1,
                clock.instant().plusSeconds(86400 * 14), clock.instant()));
    }

    private EventEnvelope registration(UUID id, UUID sponsorId) {
        return envelope(EventType.MEMBER_REGISTERED, id, new MemberRegistered(id, "m" + id + "@example.com",
                "Member " + id.toString().substring(0, 8), null, "US", "REF" + id.toString().substring(0, 6),
                sponsorId, "sub-" + id, "PENDING", clock.instant()));
    }

    private EventEnvelope envelope(EventType type, UUID subject, EventPayload payload) {
        return EventEnvelope.of(type, "test", subject.toString(), payload, null);
    }

    /** The records on partition 0, so that one consumer polls them in their order. */
    private List<ProducerRecord<String, String>> onOnePartition(String topic, List<EventEnvelope> events) {
        return events.stream().map(event -> {
            ProducerRecord<String, String> record = CloudEventCodec.toRecord(topic, event);
            return new ProducerRecord<>(topic, 0, record.key(), record.value(), record.headers());
        }).toList();
    }
}
