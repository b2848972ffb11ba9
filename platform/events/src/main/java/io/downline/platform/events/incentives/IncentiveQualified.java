package io.downline.platform.events.incentives;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member met every criterion of a program. Type {@code incentive.qualified}, key {@code memberId}.
 */
public record IncentiveQualified(UUID programId, UUID memberId, String programName, Instant occurredAt)
        implements EventPayload {
}
