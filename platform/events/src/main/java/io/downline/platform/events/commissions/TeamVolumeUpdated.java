package io.downline.platform.events.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A member's volumes of a closed period; user-service applies them to the teams the member leads. Type
 * {@code team.volume-updated}, key {@code memberId}.
 *
 * @param period yyyy-MM
 * @param personalVolume PV
 * @param groupVolume GV: PV plus the PV of the whole downline
 */
public record TeamVolumeUpdated(UUID memberId, String period, BigDecimal personalVolume, BigDecimal groupVolume,
        Instant occurredAt) implements EventPayload {
}
