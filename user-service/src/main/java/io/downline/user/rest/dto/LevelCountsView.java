package io.downline.user.rest.dto;

import java.util.List;
import java.util.UUID;

import io.downline.user.domain.LevelCount;

/** Members per level of a downline, and their sum. */
public record LevelCountsView(UUID memberId, int maxDepth, long total, List<LevelCount> levels) {
}
