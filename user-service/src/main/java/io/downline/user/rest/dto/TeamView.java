package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team with its members and performance. */
public record TeamView(UUID id, String name, UUID leaderId, String leaderName, Instant createdAt,
        List<TeamMemberView> members, TeamPerformanceView performance) {
}
