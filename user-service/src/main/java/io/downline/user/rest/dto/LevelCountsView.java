package io.downline.user.rest.dto;

import java.util.List;
import java.util.UUID;

import io.downline.user.service.LevelCounts;

/** Members per level of a downline, and their sum. */
public record LevelCountsView(UUID memberId, int maxDepth, long total, List<Level> levels) {

    public record Level(int level, long members) {
    }

    public static LevelCountsView of(LevelCounts counts) {
        return new LevelCountsView(counts.memberId(), counts.maxDepth(), counts.total(),
                counts.levels().stream().map(level -> new Level(level.level(), level.members())).toList());
    }
}
