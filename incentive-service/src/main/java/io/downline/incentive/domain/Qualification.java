package io.downline.incentive.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A member met a tier.
 *
 * @param lostAt when a refund (or losing eligibility) took it away before the close; null while held
 */
public record Qualification(UUID memberId, int level, Instant qualifiedAt, Instant lostAt) {
}
