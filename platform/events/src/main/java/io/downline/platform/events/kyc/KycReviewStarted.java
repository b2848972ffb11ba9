package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A KYC officer took a case into review. Type {@code kyc.review-started}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 * @param reviewer OIDC subject of the KYC officer
 */
public record KycReviewStarted(UUID caseId, UUID memberId, String level, String reviewer, Instant occurredAt)
        implements EventPayload {
}
