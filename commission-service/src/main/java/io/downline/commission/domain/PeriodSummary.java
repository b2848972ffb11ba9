package io.downline.commission.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.downline.platform.events.EventJson;

/**
 * A period's close as stored.
 *
 * @param status       CLOSED, or REOPENED by an admin (then it may be closed again)
 * @param resultHash   SHA-256 of every member's results ({@link CloseHash}): equal inputs, equal hash
 * @param totalVolume  the sum of the period's PV
 * @param salesVolume  the CV of the period's sales, net of refunds
 * @param commissions  what the lines of the period's sales pay after reversals
 * @param breakage     what the period's sales' walks left unpaid
 * @param payoutRatio  commissions ÷ sales volume, six decimals, half-even
 * @param closes       how many times the period was closed
 */
public record PeriodSummary(String period, String status, int planVersion, String resultHash, int memberCount,
        BigDecimal totalVolume, BigDecimal salesVolume, BigDecimal commissions, BigDecimal breakage,
        BigDecimal payoutRatio, Map<String, Integer> rankCounts, int closes, Instant closedAt, String closedBy,
        Instant reopenedAt, String reopenedBy) {

    public static final String COLUMNS = "period, status, plan_version, result_hash, member_count, total_volume,"
            + " sales_volume, commissions, breakage, payout_ratio, rank_counts::text, closes, closed_at, closed_by,"
            + " reopened_at, reopened_by";

    public boolean closed() {
        return "CLOSED".equals(status);
    }

    public PeriodSummary reopened(Instant at, String by) {
        return new PeriodSummary(period, "REOPENED", planVersion, resultHash, memberCount, totalVolume, salesVolume,
                commissions, breakage, payoutRatio, rankCounts, closes, closedAt, closedBy, at, by);
    }

    public static Map<String, Integer> rankCounts(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable rank counts", e);
        }
    }
}
