package io.downline.kyc.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.KycDocument;
import io.downline.kyc.service.CaseDetails;

/**
 * A stored document's metadata. {@code sha256} is the hex SHA-256 of its content; {@code documentNumber} and
 * {@code dateOfBirth} (stored encrypted) are shown to the member and to the officer reviewing the case only.
 */
public record DocumentView(UUID id, UUID caseId, String type, String contentType, long size, String sha256,
        Instant uploadedAt, String documentNumber, LocalDate dateOfBirth) {

    public static DocumentView of(KycDocument d) {
        return of(d, null);
    }

    static DocumentView of(CaseDetails.DocumentSummary summary) {
        return of(summary.document(), summary.details());
    }

    private static DocumentView of(KycDocument d, DocumentDetails details) {
        return new DocumentView(d.id(), d.caseId(), d.type().name(), d.format().contentType(), d.size(), d.sha256(),
                d.uploadedAt(), details == null ? null : details.documentNumber(),
                details == null ? null : details.dateOfBirth());
    }
}
