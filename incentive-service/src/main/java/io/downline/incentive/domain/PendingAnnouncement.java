package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A progress change waiting to be announced, with the figures as they are now.
 *
 * @param version the version of the row that was read (PostgreSQL's {@code xmin}): the mark is cleared only if the
 *                row is still that version
 */
public record PendingAnnouncement(UUID programId, UUID memberId, Figures figures, int criteriaMet, int criteriaTotal,
        BigDecimal progressPercent, String version) {
}
