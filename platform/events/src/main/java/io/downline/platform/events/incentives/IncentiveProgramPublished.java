package io.downline.platform.events.incentives;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * An incentive program was published. Type {@code incentive.program-published}, key {@code programId}.
 *
 * @param description nullable
 * @param criteria all must hold to qualify
 */
public record IncentiveProgramPublished(UUID programId, String name, String description, Instant startsAt,
        Instant endsAt, IncentiveEligibility eligibility, List<IncentiveCriterion> criteria, IncentiveReward reward,
        Instant occurredAt) implements EventPayload {
}
