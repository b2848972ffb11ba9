package io.downline.user.domain;

/** How many members sit at one level below a member. */
public record LevelCount(int level, long members) {
}
