package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A KYC case was approved. Type {@code kyc.approved}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 * @param reviewer OIDC subject of the KYC officer
 */
public record KycApproved(UUID caseId, UUID memberId, String level, String reviewer, Instant expiresAt,
        Instant occurredAt) implements EventPayload {
}
