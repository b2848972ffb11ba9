package io.downline.kyc.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.kyc.domain.KycCase;
import io.downline.kyc.service.CaseDetails;

/**
 * A KYC case. {@code reason} is the officer's reason for the decision (why it was rejected or sent back), or why
 * the case was closed; {@code resubmissionTypes} the documents to provide again. {@code documents} is present on
 * a single case, absent in lists.
 */
public record CaseView(UUID id, UUID memberId, String level, String status, String country, Instant createdAt,
        Instant submittedAt, String reviewer, Instant claimedAt, Instant decidedAt, String reason,
        List<String> resubmissionTypes, Instant expiresAt, Instant closedAt, List<DocumentView> documents) {

    public static CaseView of(KycCase c) {
        return of(c, null);
    }

    public static CaseView of(CaseDetails details) {
        return of(details.kycCase(), details.documents().stream().map(DocumentView::of).toList());
    }

    private static CaseView of(KycCase c, List<DocumentView> documents) {
        return new CaseView(c.id(), c.memberId(), c.level().name(), c.status().name(), c.country(), c.createdAt(),
                c.submittedAt(), c.reviewer(), c.claimedAt(), c.decidedAt(), c.reason(),
                c.resubmissionTypes().stream().map(Enum::name).toList(), c.expiresAt(), c.closedAt(), documents);
    }
}
