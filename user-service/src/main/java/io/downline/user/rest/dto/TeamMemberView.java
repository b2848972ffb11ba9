package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Member;
import io.downline.user.domain.TeamMembership;

/** A member of a team, as the team sees them. */
public record TeamMemberView(UUID memberId, String name, String status, String rank, Instant joinedAt) {

    public static TeamMemberView of(TeamMembership membership, Member member) {
        return new TeamMemberView(member.id, member.name, member.status.name(), member.rank, membership.addedAt);
    }
}
