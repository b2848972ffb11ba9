package io.downline.user.service;

import java.util.List;
import java.util.UUID;

import io.downline.user.domain.LevelCount;

/** Members per level of a downline down to {@code maxDepth} levels, and their sum. */
public record LevelCounts(UUID memberId, int maxDepth, long total, List<LevelCount> levels) {
}
