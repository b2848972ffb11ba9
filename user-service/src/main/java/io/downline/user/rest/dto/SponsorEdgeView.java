package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.SponsorEdge;

public record SponsorEdgeView(UUID sponsorId, Instant validFrom, Instant validTo, String actor, String reason) {

    public static SponsorEdgeView of(SponsorEdge edge) {
        return new SponsorEdgeView(edge.sponsorId, edge.validFrom, edge.validTo, edge.actor, edge.reason);
    }
}
