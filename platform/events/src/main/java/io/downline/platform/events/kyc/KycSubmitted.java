package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member submitted (or resubmitted) a KYC case for review. Type {@code kyc.submitted}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 * @param documentTypes the types of the documents in the case; each one of PASSPORT, NATIONAL_ID, DRIVING_LICENCE,
 *        PROOF_OF_ADDRESS, SELFIE, TAX_FORM
 */
public record KycSubmitted(UUID caseId, UUID memberId, String level, List<String> documentTypes, Instant occurredAt)
        implements EventPayload {
}
