package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.user.service.TeamDetails;

/** A team with its members and performance. */
public record TeamView(UUID id, String name, UUID leaderId, String leaderName, Instant createdAt,
        List<TeamMemberView> members, TeamPerformanceView performance) {

    public static TeamView of(TeamDetails details) {
        return new TeamView(details.team().id, details.team().name, details.team().leaderId, details.leader().name,
                details.team().createdAt, details.members().stream().map(TeamMemberView::of).toList(),
                TeamPerformanceView.of(details.performance()));
    }
}
