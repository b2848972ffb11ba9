package io.downline.user.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One period of one member's sponsorship: who sponsored them, from when to when, who decided it and why. */
@Entity
@Table(name = "sponsor_edge")
public class SponsorEdge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "sponsor_id", updatable = false)
    public UUID sponsorId;

    @Column(name = "valid_from", nullable = false, updatable = false)
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String reason;

    public static SponsorEdge open(UUID memberId, UUID sponsorId, Instant from, String actor, String reason) {
        SponsorEdge edge = new SponsorEdge();
        edge.memberId = memberId;
        edge.sponsorId = sponsorId;
        edge.validFrom = from;
        edge.actor = actor;
        edge.reason = reason;
        return edge;
    }
}
