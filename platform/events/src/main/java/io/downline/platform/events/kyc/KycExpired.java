package io.downline.platform.events.kyc;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An approved KYC case reached its expiry. Type {@code kyc.expired}, key {@code caseId}.
 *
 * @param level one of BASIC, FULL
 */
public record KycExpired(UUID caseId, UUID memberId, String level, Instant occurredAt) implements EventPayload {
}
