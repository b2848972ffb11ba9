package io.downline.user.rest.dto;

import java.util.List;
import java.util.UUID;

import io.downline.user.domain.BrokenTreeLink;

/**
 * Result of the sponsor tree check: {@code consistent} when every member's path is their sponsor's path plus
 * their own label; otherwise the members where it is not (at most the first 1,000).
 */
public record TreeConsistencyView(boolean consistent, List<Broken> broken) {

    public record Broken(UUID memberId, UUID sponsorId, String path, String expectedPath) {
    }

    public static TreeConsistencyView of(List<BrokenTreeLink> links) {
        return new TreeConsistencyView(links.isEmpty(), links.stream()
                .map(link -> new Broken(link.memberId(), link.sponsorId(), link.path(), link.expectedPath())).toList());
    }
}
