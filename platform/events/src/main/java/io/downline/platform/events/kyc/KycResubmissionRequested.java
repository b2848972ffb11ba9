package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A KYC officer sent a case back to the member to provide documents again. Type
 * {@code kyc.resubmission-requested}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 * @param reviewer OIDC subject of the KYC officer
 * @param documentTypes the document types to provide again; empty when the reason says it; each one of PASSPORT,
 *        NATIONAL_ID, DRIVING_LICENCE, PROOF_OF_ADDRESS, SELFIE, TAX_FORM
 */
public record KycResubmissionRequested(UUID caseId, UUID memberId, String level, String reviewer, String reason,
        List<String> documentTypes, Instant occurredAt) implements EventPayload {
}
