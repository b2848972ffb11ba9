package io.downline.platform.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.PeriodClosed;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.events.incentives.IncentiveProgramPublished;
import io.downline.platform.events.incentives.IncentiveProgressUpdated;
import io.downline.platform.events.incentives.IncentiveQualified;
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

/**
 * The event catalogue: each type with its topic, payload record and JSON Schema. Every type is at version 1.
 */
public enum EventType {

    MEMBER_REGISTERED("member.registered", Topics.USERS, MemberRegistered.class),
    MEMBER_ACTIVATED("member.activated", Topics.USERS, MemberActivated.class),
    MEMBER_SUSPENDED("member.suspended", Topics.USERS, MemberSuspended.class),
    MEMBER_REINSTATED("member.reinstated", Topics.USERS, MemberReinstated.class),
    MEMBER_TERMINATED("member.terminated", Topics.USERS, MemberTerminated.class),
    MEMBER_PROFILE_UPDATED("member.profile-updated", Topics.USERS, MemberProfileUpdated.class),
    MEMBER_SPONSOR_CHANGED("member.sponsor-changed", Topics.USERS, MemberSponsorChanged.class),
    TEAM_CREATED("team.created", Topics.USERS, TeamCreated.class),
    TEAM_MEMBER_ADDED("team.member-added", Topics.USERS, TeamMemberAdded.class),
    TEAM_MEMBER_REMOVED("team.member-removed", Topics.USERS, TeamMemberRemoved.class),
    MEETING_SCHEDULED("meeting.scheduled", Topics.USERS, MeetingScheduled.class),
    MEETING_CANCELLED("meeting.cancelled", Topics.USERS, MeetingCancelled.class),
    MEETING_REMINDER("meeting.reminder", Topics.USERS, MeetingReminder.class),
    KYC_SUBMITTED("kyc.submitted", Topics.KYC, KycSubmitted.class),
    KYC_REVIEW_STARTED("kyc.review-started", Topics.KYC, KycReviewStarted.class),
    KYC_APPROVED("kyc.approved", Topics.KYC, KycApproved.class),
    KYC_REJECTED("kyc.rejected", Topics.KYC, KycRejected.class),
    KYC_RESUBMISSION_REQUESTED("kyc.resubmission-requested", Topics.KYC, KycResubmissionRequested.class),
    KYC_EXPIRED("kyc.expired", Topics.KYC, KycExpired.class),
    ORDER_COMPLETED("order.completed", Topics.ORDERS, OrderCompleted.class),
    ORDER_REFUNDED("order.refunded", Topics.ORDERS, OrderRefunded.class),
    COMMISSION_EARNED("commission.earned", Topics.COMMISSIONS, CommissionEarned.class),
    COMMISSION_RELEASED("commission.released", Topics.COMMISSIONS, CommissionReleased.class),
    COMMISSION_REVERSED("commission.reversed", Topics.COMMISSIONS, CommissionReversed.class),
    MEMBER_RANK_CHANGED("member.rank-changed", Topics.COMMISSIONS, MemberRankChanged.class),
    PERIOD_CLOSED("period.closed", Topics.COMMISSIONS, PeriodClosed.class),
    TEAM_VOLUME_UPDATED("team.volume-updated", Topics.COMMISSIONS, TeamVolumeUpdated.class),
    WALLET_CREDITED("wallet.credited", Topics.PAYOUTS, WalletCredited.class),
    WALLET_DEBITED("wallet.debited", Topics.PAYOUTS, WalletDebited.class),
    PAYOUT_REQUESTED("payout.requested", Topics.PAYOUTS, PayoutRequested.class),
    PAYOUT_APPROVED("payout.approved", Topics.PAYOUTS, PayoutApproved.class),
    PAYOUT_REJECTED("payout.rejected", Topics.PAYOUTS, PayoutRejected.class),
    PAYOUT_PAID("payout.paid", Topics.PAYOUTS, PayoutPaid.class),
    PAYOUT_FAILED("payout.failed", Topics.PAYOUTS, PayoutFailed.class),
    INCENTIVE_PROGRAM_PUBLISHED("incentive.program-published", Topics.INCENTIVES, IncentiveProgramPublished.class),
    INCENTIVE_PROGRESS_UPDATED("incentive.progress-updated", Topics.INCENTIVES, IncentiveProgressUpdated.class),
    INCENTIVE_QUALIFIED("incentive.qualified", Topics.INCENTIVES, IncentiveQualified.class),
    INCENTIVE_AWARDED("incentive.awarded", Topics.INCENTIVES, IncentiveAwarded.class),
    ADMIN_ACTION_PERFORMED("admin.action-performed", null, AdminActionPerformed.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<? extends EventPayload>, EventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String type, String topic, Class<? extends EventPayload> payloadClass) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /** The CloudEvents type ({@code ce_type}), e.g. {@code member.registered}. */
    public String type() {
        return type;
    }

    /**
     * The topic the event is published on; null for {@link #ADMIN_ACTION_PERFORMED}, which every service
     * publishes on its own domain topic.
     */
    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public int version() {
        return 1;
    }

    /** Classpath location of the JSON Schema, e.g. {@code /io/downline/events/schemas/member.registered.v1.json}. */
    public String schemaResource() {
        return "/io/downline/events/schemas/" + type + ".v" + version() + ".json";
    }

    /**
     * The schema's {@code $id}, also sent as the {@code ce_dataschema} header, e.g.
     * {@code urn:downline:events:member.registered:v1}.
     */
    public String dataSchemaUri() {
        return "urn:downline:events:" + type + ":v" + version();
    }

    /** Throws {@link IllegalArgumentException} for an unknown type. */
    public static EventType of(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + type));
    }

    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /** Throws {@link IllegalArgumentException} for a class that is no event's payload. */
    public static EventType forPayload(Class<? extends EventPayload> payloadClass) {
        EventType type = BY_PAYLOAD.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not the payload of any event type");
        }
        return type;
    }
}
