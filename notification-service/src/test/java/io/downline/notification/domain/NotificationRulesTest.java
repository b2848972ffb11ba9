package io.downline.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.users.MemberRegistered;

class NotificationRulesTest {

    private static final NotificationRules.Names NAMES = new NotificationRules.Names() {
        @Override
        public String memberName(UUID memberId) {
            return "Ada";
        }

        @Override
        public String teamName(UUID teamId) {
            return "Eagles";
        }
    };
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aRegistrationWelcomesTheMemberAndTellsTheSponsor() {
        UUID member = UUID.randomUUID();
        UUID sponsor = UUID.randomUUID();
        List<Draft> drafts = drafts(EventType.MEMBER_REGISTERED, new MemberRegistered(member, "a@example.com", "Ada",
                null, "US", "ADA1", sponsor, "sub", "PENDING", NOW));

        assertThat(drafts).extracting(Draft::type, Draft::recipient).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NotificationType.WELCOME, new Recipient.Member(member)),
                org.assertj.core.groups.Tuple.tuple(NotificationType.DOWNLINE_NEW_MEMBER, new Recipient.Member(sponsor)));
    }

    @Test
    void theRootMemberHasNoSponsorToTell() {
        assertThat(drafts(EventType.MEMBER_REGISTERED, new MemberRegistered(UUID.randomUUID(), "r@example.com", "Root",
                null, "US", "ROOT", null, "sub", "ACTIVE", NOW))).extracting(Draft::type)
                .containsExactly(NotificationType.WELCOME);
    }

    @Test
    void onlyARankAdvanceIsNews() {
        UUID member = UUID.randomUUID();
        assertThat(drafts(EventType.MEMBER_RANK_CHANGED, new MemberRankChanged(member, "BRONZE", "SILVER", "2026-10", NOW)))
                .extracting(Draft::type).containsExactly(NotificationType.RANK_ADVANCED);
        assertThat(drafts(EventType.MEMBER_RANK_CHANGED, new MemberRankChanged(member, "GOLD", "SILVER", "2026-10", NOW)))
                .isEmpty();
    }

    @Test
    void aPayoutRequestReachesTheMemberAndTheFinanceRoom() {
        UUID member = UUID.randomUUID();
        List<Draft> drafts = drafts(EventType.PAYOUT_REQUESTED, new PayoutRequested(UUID.randomUUID(), member,
                Money.of("150.5", "USD"), 2, NOW));

        assertThat(drafts).extracting(Draft::recipient).containsExactly(new Recipient.Member(member),
                new Recipient.Room(RoomName.FINANCE));
        assertThat(drafts.get(0).params()).containsEntry("amount", "150.50 USD");
    }

    @Test
    void aFirstOfTwoApprovalsAsksFinanceForTheSecondAndTheLastTellsTheMember() {
        UUID member = UUID.randomUUID();
        UUID payout = UUID.randomUUID();
        assertThat(drafts(EventType.PAYOUT_APPROVED, new PayoutApproved(payout, member, Money.of("900.00", "USD"),
                "finance1", 1, 2, NOW))).extracting(Draft::type).containsExactly(NotificationType.PAYOUT_SECOND_APPROVAL);
        assertThat(drafts(EventType.PAYOUT_APPROVED, new PayoutApproved(payout, member, Money.of("900.00", "USD"),
                "finance2", 2, 2, NOW))).extracting(Draft::type).containsExactly(NotificationType.PAYOUT_APPROVED);
    }

    @Test
    void aSaleConcernsNobodyPersonally() {
        assertThat(drafts(EventType.ORDER_COMPLETED, new OrderCompleted(UUID.randomUUID(), UUID.randomUUID(),
                Money.of("10.00", "USD"), new BigDecimal("10.00"), NOW, NOW))).isEmpty();
    }

    @Test
    void anUnknownTypeMakesNothing() {
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "shop.opened", "shop", "1", NOW, null, "{}");
        assertThat(NotificationRules.draftsFor(unknown, NAMES)).isEmpty();
    }

    private static List<Draft> drafts(EventType type, EventPayload payload) {
        return NotificationRules.draftsFor(EventEnvelope.of(type, "test", "1", payload, null), NAMES);
    }
}
