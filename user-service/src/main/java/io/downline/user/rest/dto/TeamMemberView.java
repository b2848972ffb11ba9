package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.service.TeamMember;

/** A member of a team, as the team sees them. */
public record TeamMemberView(UUID memberId, String name, String status, String rank, Instant joinedAt) {

    public static TeamMemberView of(TeamMember member) {
        return new TeamMemberView(member.memberId(), member.name(), member.status().name(), member.rank(),
                member.joinedAt());
    }
}
