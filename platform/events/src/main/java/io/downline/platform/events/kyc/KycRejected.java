package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A KYC case was rejected; final for this case. Type {@code kyc.rejected}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 * @param reviewer OIDC subject of the KYC officer
 */
public record KycRejected(UUID caseId, UUID memberId, String level, String reviewer, String reason, Instant occurredAt)
        implements EventPayload {
}
