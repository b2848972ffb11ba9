package io.downline.incentive.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A sale the engine has applied.
 *
 * @param completedAt its business time: the window it counts in
 * @param appliedAt   when the engine applied it: a refund lowers only programs published by then, the ones that
 *                    counted the sale
 */
public record Sale(UUID orderId, UUID memberId, Instant completedAt, BigDecimal volume, BigDecimal refunded,
        Instant appliedAt) {
}
