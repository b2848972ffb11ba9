package io.downline.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveCriterion;
import io.downline.platform.events.incentives.IncentiveEligibility;
import io.downline.platform.events.incentives.IncentiveProgramPublished;
import io.downline.platform.events.incentives.IncentiveProgressUpdated;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.events.incentives.IncentiveReward;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.kyc.KycResubmissionRequested;
import io.downline.platform.events.kyc.KycReviewStarted;
import io.downline.platform.events.kyc.KycSubmitted;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutFailed;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.payouts.WalletCredited;
import io.downline.platform.events.payouts.WalletDebited;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingReminder;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.events.users.TeamMemberRemoved;

/** One realistic payload per event type, every nullable field filled so that the whole schema is exercised. */
final class EventSamples {

    static final UUID MEMBER = UUID.fromString("0b6c7f5e-2d7a-4f0e-9a51-3c1f2e4d5a60");
    static final UUID SPONSOR = UUID.fromString("5f2d9c1a-8b3e-4c7d-a6f0-1e2d3c4b5a69");
    static final UUID TEAM = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID MEETING = UUID.fromString("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
    static final UUID CASE = UUID.fromString("9c8b7a6f-5e4d-4c3b-a2a1-f0e9d8c7b6a5");
    static final UUID ORDER = UUID.fromString("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a");
    static final UUID REFUND = UUID.fromString("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
    static final UUID LINE = UUID.fromString("4f5a6b7c-8d9e-4f0a-b1c2-d3e4f5a6b7c8");
    static final UUID PAYOUT = UUID.fromString("6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e");
    static final UUID PROGRAM = UUID.fromString("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a");
    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final String PERIOD = "2025-03";

    private EventSamples() {
    }

    static EventPayload sample(EventType type) {
        return switch (type) {
            case MEMBER_REGISTERED -> new MemberRegistered(MEMBER, "ana.silva@example.com", "Ana Silva",
                    "+351912345678", "PT", "ANA7K2", SPONSOR, "kc-2f1e9d", "PENDING", AT);
            case MEMBER_ACTIVATED -> new MemberActivated(MEMBER, "user-service", AT);
            case MEMBER_SUSPENDED -> new MemberSuspended(MEMBER, "Unpaid chargebacks", "admin-7", AT);
            case MEMBER_REINSTATED -> new MemberReinstated(MEMBER, "Chargebacks settled", "admin-7", "ACTIVE", AT);
            case MEMBER_TERMINATED -> new MemberTerminated(MEMBER, "Policy breach", "admin-7", AT);
            case MEMBER_PROFILE_UPDATED -> new MemberProfileUpdated(MEMBER, "Ana Sousa", "+351912345678", "PT", AT);
            case MEMBER_SPONSOR_CHANGED -> new MemberSponsorChanged(MEMBER, SPONSOR, UUID.randomUUID(),
                    "Enrolled under the wrong sponsor", "admin-7", 12, AT);
            case TEAM_CREATED -> new TeamCreated(TEAM, "Lisbon Lions", SPONSOR, AT);
            case TEAM_MEMBER_ADDED -> new TeamMemberAdded(TEAM, MEMBER, AT);
            case TEAM_MEMBER_REMOVED -> new TeamMemberRemoved(TEAM, MEMBER, AT);
            case MEETING_SCHEDULED -> new MeetingScheduled(MEETING, TEAM, "Spring kick-off",
                    Instant.parse("2025-03-20T18:00:00Z"), Instant.parse("2025-03-20T19:30:00Z"),
                    "https://meet.example.com/lions", SPONSOR, AT);
            case MEETING_CANCELLED -> new MeetingCancelled(MEETING, TEAM, "Venue unavailable", AT);
            case MEETING_REMINDER -> new MeetingReminder(MEETING, TEAM, "Spring kick-off",
                    Instant.parse("2025-03-20T18:00:00Z"), AT);
            case KYC_SUBMITTED -> new KycSubmitted(CASE, MEMBER, "FULL",
                    List.of("PASSPORT", "SELFIE", "PROOF_OF_ADDRESS", "TAX_FORM"), AT);
            case KYC_REVIEW_STARTED -> new KycReviewStarted(CASE, MEMBER, "FULL", "officer-3", AT);
            case KYC_APPROVED -> new KycApproved(CASE, MEMBER, "FULL", "officer-3",
                    Instant.parse("2026-03-14T09:26:53Z"), AT);
            case KYC_REJECTED -> new KycRejected(CASE, MEMBER, "FULL", "officer-3", "Document forged", AT);
            case KYC_RESUBMISSION_REQUESTED -> new KycResubmissionRequested(CASE, MEMBER, "FULL", "officer-3",
                    "Proof of address older than three months", List.of("PROOF_OF_ADDRESS"), AT);
            case KYC_EXPIRED -> new KycExpired(CASE, MEMBER, "BASIC", AT);
            case ORDER_COMPLETED -> new OrderCompleted(ORDER, MEMBER, Money.of("129.90", "USD"),
                    new BigDecimal("100.00"), AT, AT);
            case ORDER_REFUNDED -> new OrderRefunded(ORDER, REFUND, MEMBER, Money.of("64.95", "USD"),
                    new BigDecimal("50.00"), AT);
            case COMMISSION_EARNED -> new CommissionEarned(LINE, ORDER, SPONSOR, MEMBER, 1, new BigDecimal("0.10"),
                    new BigDecimal("100.00"), Money.of("10.00", "USD"), "SILVER", PERIOD, 1,
                    Instant.parse("2025-03-28T09:26:53.589Z"), AT);
            case COMMISSION_RELEASED -> new CommissionReleased(LINE, ORDER, SPONSOR, Money.of("10.00", "USD"), AT);
            case COMMISSION_REVERSED -> new CommissionReversed(LINE, UUID.randomUUID(), ORDER, REFUND, SPONSOR,
                    Money.of("5.00", "USD"), Money.of("5.00", "USD"), true, AT);
            case MEMBER_RANK_CHANGED -> new MemberRankChanged(MEMBER, "BRONZE", "SILVER", "2025-02", AT);
            case PERIOD_CLOSED -> new PeriodClosed("2025-02", 1_204, new BigDecimal("183442.50"), AT, AT);
            case TEAM_VOLUME_UPDATED -> new TeamVolumeUpdated(SPONSOR, "2025-02", new BigDecimal("150.00"),
                    new BigDecimal("2310.40"), AT);
            case WALLET_CREDITED -> new WalletCredited(UUID.randomUUID(), SPONSOR, Money.of("10.00", "USD"),
                    "COMMISSION_RELEASED", LINE, Money.of("245.10", "USD"), AT);
            case WALLET_DEBITED -> new WalletDebited(UUID.randomUUID(), SPONSOR, Money.of("200.00", "USD"),
                    "PAYOUT_HOLD", PAYOUT, Money.of("45.10", "USD"), AT);
            case PAYOUT_REQUESTED -> new PayoutRequested(PAYOUT, SPONSOR, Money.of("200.00", "USD"), 1, AT);
            case PAYOUT_APPROVED -> new PayoutApproved(PAYOUT, SPONSOR, Money.of("200.00", "USD"), "finance-2", 1, 1,
                    AT);
            case PAYOUT_REJECTED -> new PayoutRejected(PAYOUT, SPONSOR, Money.of("200.00", "USD"), "finance-2",
                    "Bank details do not match the KYC name", AT);
            case PAYOUT_PAID -> new PayoutPaid(PAYOUT, SPONSOR, Money.of("200.00", "USD"), "SEPA-2025-0314-0042", AT);
            case PAYOUT_FAILED -> new PayoutFailed(PAYOUT, SPONSOR, Money.of("200.00", "USD"), "Account closed", AT);
            case INCENTIVE_PROGRAM_PUBLISHED -> new IncentiveProgramPublished(PROGRAM, "Spring Sprint",
                    "Reach Silver and 2,000 GV by the end of May", Instant.parse("2025-04-01T00:00:00Z"),
                    Instant.parse("2025-06-01T00:00:00Z"), new IncentiveEligibility("BRONZE", List.of("PT", "ES")),
                    List.of(new IncentiveCriterion("GROUP_VOLUME", new BigDecimal("2000"), null),
                            new IncentiveCriterion("RANK_REACHED", null, "SILVER")),
                    new IncentiveReward("CASH", Money.of("500.00", "USD"), null), AT);
            case INCENTIVE_PROGRESS_UPDATED -> new IncentiveProgressUpdated(PROGRAM, MEMBER, new BigDecimal("120.00"),
                    new BigDecimal("1500.00"), 2, "BRONZE", 0, 2, new BigDecimal("37.50"), AT);
            case INCENTIVE_QUALIFIED -> new IncentiveQualified(PROGRAM, MEMBER, "Spring Sprint", "Gold", AT);
            case INCENTIVE_AWARDED -> new IncentiveAwarded(UUID.randomUUID(), PROGRAM, MEMBER, "Spring Sprint",
                    new IncentiveReward("ITEM", null, "Weekend in Porto for two"), "admin-7", "Gold", AT);
            case ADMIN_ACTION_PERFORMED -> new AdminActionPerformed("admin-7", List.of("admin"), "user-service",
                    "member.suspend", "member", MEMBER.toString(), status("ACTIVE"), status("SUSPENDED"), "203.0.113.7",
                    "4bf92f3577b34da6a3ce929d0e0e4736", AT);
        };
    }

    private static ObjectNode status(String status) {
        return JsonNodeFactory.instance.objectNode().put("id", MEMBER.toString()).put("status", status);
    }
}
