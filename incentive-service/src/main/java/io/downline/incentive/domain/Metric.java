package io.downline.incentive.domain;

/** What a criterion measures over the program's window. */
public enum Metric {
    /** CV of the member's own sales completed in the window, net of refunds. */
    PERSONAL_VOLUME,
    /** Group volume of the periods (calendar months, UTC) that start inside the window, as commission-service closed them. */
    GROUP_VOLUME,
    /** Members registered in the window under the member who became active. */
    NEW_PERSONALLY_SPONSORED,
    /** The highest new paid-as rank of the rank changes of periods that start inside the window. */
    RANK_REACHED,
    /** The member's identity verification stands approved (approved and not expired since); takes no target. */
    KYC_APPROVED
}
