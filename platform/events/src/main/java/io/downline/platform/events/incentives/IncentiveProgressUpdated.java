package io.downline.platform.events.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member's progress in a program changed; the figures are measured over the program's window. Type
 * {@code incentive.progress-updated}, key {@code memberId}.
 *
 * @param newPersonallySponsored new personally sponsored members
 * @param rank current paid-as rank; one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND
 * @param progressPercent 0 to 100, for progress bars and leaderboards
 */
public record IncentiveProgressUpdated(UUID programId, UUID memberId, BigDecimal personalVolume, BigDecimal groupVolume,
        int newPersonallySponsored, String rank, int criteriaMet, int criteriaTotal, BigDecimal progressPercent,
        Instant occurredAt) implements EventPayload {
}
