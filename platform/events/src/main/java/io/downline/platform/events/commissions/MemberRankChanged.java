package io.downline.platform.events.commissions;

import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventPayload;

/**
 * A period close gave a member a new paid-as rank. Type {@code member.rank-changed}, key {@code memberId}.
 *
 * @param previousRank one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND
 * @param newRank one of MEMBER, BRONZE, SILVER, GOLD, PLATINUM, DIAMOND
 * @param period yyyy-MM of the closed period
 */
public record MemberRankChanged(UUID memberId, String previousRank, String newRank, String period, Instant occurredAt)
        implements EventPayload {
}
