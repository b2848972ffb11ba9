package io.downline.user.service;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Team;

/** A team with its headcount, for lists and as the audited state of a new team. */
public record TeamSummary(UUID id, String name, UUID leaderId, long memberCount, Instant createdAt) {

    public static TeamSummary of(Team team, long memberCount) {
        return new TeamSummary(team.id, team.name, team.leaderId, memberCount, team.createdAt);
    }
}
