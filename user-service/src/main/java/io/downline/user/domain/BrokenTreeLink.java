package io.downline.user.domain;

import java.util.UUID;

/**
 * A member whose path is not their sponsor's path plus their own label: the read index no longer tells the
 * truth about the sponsor tree. {@code expectedPath} is null when the sponsor row is missing.
 */
public record BrokenTreeLink(UUID memberId, UUID sponsorId, String path, String expectedPath) {
}
