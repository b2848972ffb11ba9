package io.downline.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about; its code names it in the API, in preferences and in the text bundles. */
public enum NotificationType {

    WELCOME("welcome"),
    DOWNLINE_NEW_MEMBER("downline-new-member"),
    ACCOUNT_SUSPENDED("account-suspended"),
    ACCOUNT_REINSTATED("account-reinstated"),
    TEAM_JOINED("team-joined"),
    TEAM_MEMBER_ADDED("team-member-added"),
    MEETING_SCHEDULED("meeting-scheduled"),
    MEETING_REMINDER("meeting-reminder"),
    MEETING_CANCELLED("meeting-cancelled"),
    KYC_SUBMITTED("kyc-submitted"),
    KYC_CASE_WAITING("kyc-case-waiting"),
    KYC_APPROVED("kyc-approved"),
    KYC_REJECTED("kyc-rejected"),
    KYC_RESUBMISSION_REQUESTED("kyc-resubmission-requested"),
    KYC_EXPIRED("kyc-expired"),
    COMMISSION_EARNED("commission-earned"),
    COMMISSION_REVERSED("commission-reversed"),
    RANK_ADVANCED("rank-advanced"),
    PERIOD_CLOSED("period-closed"),
    PAYOUT_REQUESTED("payout-requested"),
    PAYOUT_WAITING("payout-waiting"),
    PAYOUT_SECOND_APPROVAL("payout-second-approval"),
    PAYOUT_APPROVED("payout-approved"),
    PAYOUT_REJECTED("payout-rejected"),
    PAYOUT_PAID("payout-paid"),
    PAYOUT_FAILED("payout-failed"),
    INCENTIVE_QUALIFIED("incentive-qualified"),
    INCENTIVE_AWARDED("incentive-awarded");

    private final String code;

    NotificationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<NotificationType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
