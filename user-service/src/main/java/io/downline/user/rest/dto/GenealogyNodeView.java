package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.downline.user.domain.TreeNode;

/**
 * A member in an upline or downline. Members see names only; staff also see contact and status fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenealogyNodeView(UUID id, UUID sponsorId, int level, String name, String email, String country,
        String status, String rank, Instant registeredAt) {

    public static GenealogyNodeView of(TreeNode node, boolean full) {
        if (!full) {
            return new GenealogyNodeView(node.id(), node.sponsorId(), node.level(), node.name(), null, null, null, null,
                    null);
        }
        return new GenealogyNodeView(node.id(), node.sponsorId(), node.level(), node.name(), node.email(),
                node.country(), node.status().name(), node.rank(), node.registeredAt());
    }
}
