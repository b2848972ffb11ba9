package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Team;

/** A team in a list. */
public record TeamSummaryView(UUID id, String name, UUID leaderId, long memberCount, Instant createdAt) {

    public static TeamSummaryView of(Team team, long memberCount) {
        return new TeamSummaryView(team.id, team.name, team.leaderId, memberCount, team.createdAt);
    }
}
