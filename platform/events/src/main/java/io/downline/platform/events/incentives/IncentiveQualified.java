package io.downline.platform.events.incentives;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member met every criterion of a program (of one tier of it). Type {@code incentive.qualified}, key
 * {@code memberId}.
 *
 * @param tier the name of the tier met (one event per tier); nullable: absent from producers that predate tiers
 */
public record IncentiveQualified(UUID programId, UUID memberId, String programName, String tier, Instant occurredAt)
        implements EventPayload {

    /** Without a tier, as before tiers were added. */
    public IncentiveQualified(UUID programId, UUID memberId, String programName, Instant occurredAt) {
        this(programId, memberId, programName, null, occurredAt);
    }
}
