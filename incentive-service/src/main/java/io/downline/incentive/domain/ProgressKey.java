package io.downline.incentive.domain;

import java.util.Comparator;
import java.util.UUID;

/** A member's progress row in a program; ordered as the engine locks rows (program, then member). */
public record ProgressKey(UUID programId, UUID memberId) implements Comparable<ProgressKey> {

    private static final Comparator<ProgressKey> ORDER = Comparator.comparing(ProgressKey::programId)
            .thenComparing(ProgressKey::memberId);

    @Override
    public int compareTo(ProgressKey other) {
        return ORDER.compare(this, other);
    }
}
