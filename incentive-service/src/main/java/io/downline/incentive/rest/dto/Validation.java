package io.downline.incentive.rest.dto;

/** Shared patterns of the request records. */
final class Validation {

    static final String RANK = "MEMBER|BRONZE|SILVER|GOLD|PLATINUM|DIAMOND";
    static final String RANK_MESSAGE = "must be one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND";
    static final String METRIC = "PERSONAL_VOLUME|GROUP_VOLUME|NEW_PERSONALLY_SPONSORED|RANK_REACHED|KYC_APPROVED";
    static final String METRIC_MESSAGE = "must be one of PERSONAL_VOLUME, GROUP_VOLUME, NEW_PERSONALLY_SPONSORED, RANK_REACHED, KYC_APPROVED";

    private Validation() {
    }
}
