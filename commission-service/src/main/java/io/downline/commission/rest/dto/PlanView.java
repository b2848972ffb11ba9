package io.downline.commission.rest.dto;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.commission.domain.PlanVersion;
import io.downline.platform.events.EventJson;

/** A plan version with its document. */
public record PlanView(int version, String status, Instant activeFrom, Instant createdAt, String createdBy,
        JsonNode plan) {

    public static PlanView of(PlanVersion version) {
        return new PlanView(version.version(), version.status(), version.activeFrom(), version.createdAt(),
                version.createdBy(), EventJson.read(version.document(), JsonNode.class));
    }
}
