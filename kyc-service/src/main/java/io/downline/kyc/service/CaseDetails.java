package io.downline.kyc.service;

import java.util.List;

import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.KycCase;
import io.downline.kyc.domain.KycDocument;

/** A case with its documents, as its member or a reader among staff sees it. */
public record CaseDetails(KycCase kycCase, List<DocumentSummary> documents) {

    /** A document's metadata; {@code details} (number, date of birth) only for the member and the reviewer. */
    public record DocumentSummary(KycDocument document, DocumentDetails details) {
    }
}
