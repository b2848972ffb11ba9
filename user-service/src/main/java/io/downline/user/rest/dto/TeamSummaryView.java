package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.service.TeamSummary;

/** A team in a list. */
public record TeamSummaryView(UUID id, String name, UUID leaderId, long memberCount, Instant createdAt) {

    public static TeamSummaryView of(TeamSummary team) {
        return new TeamSummaryView(team.id(), team.name(), team.leaderId(), team.memberCount(), team.createdAt());
    }
}
