package io.downline.user.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A member as seen from a place in the sponsor tree: {@code level} is the distance from the member the
 * question was asked about (1 = their sponsor in an upline, their personally sponsored in a downline);
 * {@code treeId} is the member's label in every path.
 */
public record TreeNode(UUID id, long treeId, UUID sponsorId, int level, String name, String email, String country,
        MemberStatus status, String rank, Instant registeredAt) {

    /** The key the next downline page starts after, when this node is the last of a page. */
    public DownlineCursor cursor() {
        return new DownlineCursor(level, treeId);
    }
}
