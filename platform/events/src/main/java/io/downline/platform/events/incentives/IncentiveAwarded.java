package io.downline.platform.events.incentives;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An admin awarded a qualified member; a CASH reward is credited to the wallet. Type {@code incentive.awarded},
 * key {@code memberId}.
 *
 * @param awardedBy OIDC subject of the admin
 * @param tier the name of the tier whose reward is awarded; nullable: absent from producers that predate tiers
 */
public record IncentiveAwarded(UUID awardId, UUID programId, UUID memberId, String programName, IncentiveReward reward,
        String awardedBy, String tier, Instant occurredAt) implements EventPayload {

    /** Without a tier, as before tiers were added. */
    public IncentiveAwarded(UUID awardId, UUID programId, UUID memberId, String programName, IncentiveReward reward,
            String awardedBy, Instant occurredAt) {
        this(awardId, programId, memberId, programName, reward, awardedBy, null, occurredAt);
    }
}
