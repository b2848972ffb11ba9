package io.downline.notification.domain;

import static io.downline.notification.domain.NotificationType.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveQualified;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.kyc.KycResubmissionRequested;
import io.downline.platform.events.kyc.KycSubmitted;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutFailed;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingReminder;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.TeamMemberAdded;

/**
 * Which notifications an event makes, for whom, with which values. Pure: names that the event does not carry
 * (a team's name, a member's name) are looked up by the caller and passed in through {@link Names}.
 */
public final class NotificationRules {

    /** Names the rules need beyond the event itself. */
    public interface Names {
        String memberName(UUID memberId);

        String teamName(UUID teamId);
    }

    private NotificationRules() {
    }

    public static List<Draft> draftsFor(EventEnvelope event, Names names) {
        return EventType.find(event.type()).map(type -> draftsFor(type, event.payload(type.payloadClass()), names))
                .orElseGet(ArrayList::new);
    }

    /** The same, for an event whose payload the caller has read already ({@code type}'s payload class). */
    public static List<Draft> draftsFor(EventType type, EventPayload payload, Names names) {
        List<Draft> drafts = new ArrayList<>();
        switch (type) {
            case MEMBER_REGISTERED -> {
                MemberRegistered e = (MemberRegistered) payload;
                drafts.add(member(WELCOME, e.memberId(), params("name", e.name())));
                if (e.sponsorId() != null) {
                    drafts.add(member(DOWNLINE_NEW_MEMBER, e.sponsorId(), params("newMember", e.name(),
                            "newMemberId", e.memberId().toString())));
                }
            }
            case MEMBER_SUSPENDED -> {
                MemberSuspended e = (MemberSuspended) payload;
                drafts.add(member(ACCOUNT_SUSPENDED, e.memberId(), params("reason", e.reason())));
            }
            case MEMBER_REINSTATED -> {
                MemberReinstated e = (MemberReinstated) payload;
                drafts.add(member(ACCOUNT_REINSTATED, e.memberId(), params("reason", e.reason())));
            }
            case TEAM_MEMBER_ADDED -> {
                TeamMemberAdded e = (TeamMemberAdded) payload;
                Map<String, String> params = params("team", names.teamName(e.teamId()), "teamId",
                        e.teamId().toString(), "newMember", names.memberName(e.memberId()));
                drafts.add(member(TEAM_JOINED, e.memberId(), params));
                drafts.add(new Draft(TEAM_MEMBER_ADDED, new Recipient.Room(RoomName.team(e.teamId())), params));
            }
            case MEETING_SCHEDULED -> {
                MeetingScheduled e = (MeetingScheduled) payload;
                Map<String, String> params = params("title", e.title(), "startsAt", e.startsAt().toString(),
                        "location", e.location() == null ? "-" : e.location(), "meetingId", e.meetingId().toString(),
                        "team", names.teamName(e.teamId()));
                drafts.add(new Draft(MEETING_SCHEDULED, new Recipient.TeamMembers(e.teamId()), params));
                drafts.add(new Draft(MEETING_SCHEDULED, new Recipient.Room(RoomName.team(e.teamId())), params));
            }
            case MEETING_REMINDER -> {
                MeetingReminder e = (MeetingReminder) payload;
                Map<String, String> params = params("title", e.title(), "startsAt", e.startsAt().toString(),
                        "meetingId", e.meetingId().toString());
                drafts.add(new Draft(MEETING_REMINDER, new Recipient.MeetingAttendees(e.meetingId()), params));
                drafts.add(new Draft(MEETING_REMINDER, new Recipient.Room(RoomName.meeting(e.meetingId())), params));
            }
            case MEETING_CANCELLED -> {
                MeetingCancelled e = (MeetingCancelled) payload;
                Map<String, String> params = params("reason", e.reason(), "meetingId", e.meetingId().toString());
                drafts.add(new Draft(MEETING_CANCELLED, new Recipient.MeetingAttendees(e.meetingId()), params));
                drafts.add(new Draft(MEETING_CANCELLED, new Recipient.Room(RoomName.meeting(e.meetingId())), params));
            }
            case KYC_SUBMITTED -> {
                KycSubmitted e = (KycSubmitted) payload;
                drafts.add(member(KYC_SUBMITTED, e.memberId(), params("level", e.level())));
                drafts.add(new Draft(KYC_CASE_WAITING, new Recipient.Room(RoomName.KYC_REVIEW), params("level",
                        e.level(), "caseId", e.caseId().toString(), "memberId", e.memberId().toString())));
            }
            case KYC_APPROVED -> {
                KycApproved e = (KycApproved) payload;
                drafts.add(member(KYC_APPROVED, e.memberId(), params("level", e.level())));
            }
            case KYC_REJECTED -> {
                KycRejected e = (KycRejected) payload;
                drafts.add(member(KYC_REJECTED, e.memberId(), params("level", e.level(), "reason", e.reason())));
            }
            case KYC_RESUBMISSION_REQUESTED -> {
                KycResubmissionRequested e = (KycResubmissionRequested) payload;
                drafts.add(member(KYC_RESUBMISSION_REQUESTED, e.memberId(), params("level", e.level(), "reason",
                        e.reason(), "documents", String.join(", ", e.documentTypes()))));
            }
            case KYC_EXPIRED -> {
                KycExpired e = (KycExpired) payload;
                drafts.add(member(KYC_EXPIRED, e.memberId(), params("level", e.level())));
            }
            case COMMISSION_EARNED -> {
                CommissionEarned e = (CommissionEarned) payload;
                drafts.add(member(COMMISSION_EARNED, e.beneficiaryId(), params("amount", money(e.amount()), "level",
                        String.valueOf(e.level()), "seller", names.memberName(e.sellerId()), "orderId",
                        e.orderId().toString())));
            }
            case COMMISSION_REVERSED -> {
                CommissionReversed e = (CommissionReversed) payload;
                drafts.add(member(COMMISSION_REVERSED, e.beneficiaryId(), params("amount", money(e.amount()),
                        "orderId", e.orderId().toString())));
            }
            case MEMBER_RANK_CHANGED -> {
                MemberRankChanged e = (MemberRankChanged) payload;
                if (Rank.advanced(e.previousRank(), e.newRank())) {
                    drafts.add(member(RANK_ADVANCED, e.memberId(), params("rank", e.newRank(), "previousRank",
                            e.previousRank(), "period", e.period())));
                }
            }
            case PERIOD_CLOSED -> {
                PeriodClosed e = (PeriodClosed) payload;
                drafts.add(new Draft(PERIOD_CLOSED, new Recipient.Room(RoomName.FINANCE), params("period",
                        e.period(), "members", String.valueOf(e.memberCount()), "volume", decimal(e.totalVolume()))));
            }
            case PAYOUT_REQUESTED -> {
                PayoutRequested e = (PayoutRequested) payload;
                drafts.add(member(PAYOUT_REQUESTED, e.memberId(), params("amount", money(e.amount()))));
                drafts.add(new Draft(PAYOUT_WAITING, new Recipient.Room(RoomName.FINANCE), params("amount",
                        money(e.amount()), "payoutId", e.payoutId().toString(), "member", names.memberName(e.memberId()),
                        "approvals", String.valueOf(e.requiredApprovals()))));
            }
            case PAYOUT_APPROVED -> {
                PayoutApproved e = (PayoutApproved) payload;
                if (e.approvals() >= e.requiredApprovals()) {
                    drafts.add(member(PAYOUT_APPROVED, e.memberId(), params("amount", money(e.amount()))));
                } else {
                    drafts.add(new Draft(PAYOUT_SECOND_APPROVAL, new Recipient.Room(RoomName.FINANCE), params("amount",
                            money(e.amount()), "payoutId", e.payoutId().toString(), "reviewer", e.reviewer())));
                }
            }
            case PAYOUT_REJECTED -> {
                PayoutRejected e = (PayoutRejected) payload;
                drafts.add(member(PAYOUT_REJECTED, e.memberId(), params("amount", money(e.amount()), "reason",
                        e.reason())));
            }
            case PAYOUT_PAID -> {
                PayoutPaid e = (PayoutPaid) payload;
                drafts.add(member(PAYOUT_PAID, e.memberId(), params("amount", money(e.amount()), "reference",
                        e.paymentReference())));
            }
            case PAYOUT_FAILED -> {
                PayoutFailed e = (PayoutFailed) payload;
                drafts.add(member(PAYOUT_FAILED, e.memberId(), params("amount", money(e.amount()), "reason",
                        e.reason())));
            }
            case INCENTIVE_QUALIFIED -> {
                IncentiveQualified e = (IncentiveQualified) payload;
                drafts.add(member(INCENTIVE_QUALIFIED, e.memberId(), params("program", e.programName())));
            }
            case INCENTIVE_AWARDED -> {
                IncentiveAwarded e = (IncentiveAwarded) payload;
                String reward = e.reward().cash() != null ? money(e.reward().cash())
                        : String.valueOf(e.reward().item());
                drafts.add(member(INCENTIVE_AWARDED, e.memberId(), params("program", e.programName(), "reward",
                        reward)));
            }
            default -> {
                // Events that concern nobody personally (orders, volumes, wallet movements, program news,
                // audit records, profile and sponsor changes) make no notification.
            }
        }
        return drafts;
    }

    /** Key-value pairs; a value the event left out reads as "-". */
    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1] == null ? "-" : keysAndValues[i + 1]);
        }
        return params;
    }

    private static Draft member(NotificationType type, UUID memberId, Map<String, String> params) {
        return new Draft(type, new Recipient.Member(memberId), params);
    }

    /** An amount for people to read: two decimals (half-even, as the plan rounds), then the currency. */
    static String money(Money money) {
        return decimal(money.amount()) + " " + money.currency();
    }

    private static String decimal(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
