package io.downline.user.service;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.TeamMembership;

/** A member of a team, as the team sees them. */
public record TeamMember(UUID memberId, String name, MemberStatus status, String rank, Instant joinedAt) {

    public static TeamMember of(TeamMembership membership, Member member) {
        return new TeamMember(member.id, member.name, member.status, member.rank, membership.addedAt);
    }
}
