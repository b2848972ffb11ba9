package io.downline.platform.events.commissions;

import java.math.BigDecimal;
import java.time.Instant;

import io.downline.platform.events.EventPayload;

/**
 * A period was closed (again, when a close is repeated): volumes and ranks are frozen. Type {@code period.closed},
 * key {@code period}.
 *
 * @param period yyyy-MM
 * @param totalVolume sum of the period's PV
 */
public record PeriodClosed(String period, int memberCount, BigDecimal totalVolume, Instant closedAt, Instant occurredAt)
        implements EventPayload {
}
