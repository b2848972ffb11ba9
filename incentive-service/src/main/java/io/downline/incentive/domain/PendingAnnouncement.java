package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A progress change waiting to be announced, with the figures as they are now. */
public record PendingAnnouncement(UUID programId, UUID memberId, Figures figures, int criteriaMet, int criteriaTotal,
        BigDecimal progressPercent) {
}
