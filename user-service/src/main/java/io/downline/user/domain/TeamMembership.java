package io.downline.user.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's place in a team (the leader is not a membership). */
@Entity
@Table(name = "team_membership")
public class TeamMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public UUID teamId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    /** OIDC subject of who added the member. */
    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    public static TeamMembership of(UUID teamId, UUID memberId, String addedBy, Instant now) {
        TeamMembership membership = new TeamMembership();
        membership.teamId = teamId;
        membership.memberId = memberId;
        membership.addedBy = addedBy;
        membership.addedAt = now;
        return membership;
    }
}
