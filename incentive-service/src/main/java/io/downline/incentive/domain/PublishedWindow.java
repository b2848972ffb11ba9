package io.downline.incentive.domain;

import java.time.Instant;
import java.util.UUID;

/** A published program's window in instants, and when it was published: which events it counts. */
public record PublishedWindow(UUID programId, Instant startsAt, Instant endsAt, Instant publishedAt) {

    /** Whether an event of this business time counts in the program. */
    public boolean counts(Instant businessTime) {
        return !startsAt.isAfter(businessTime) && endsAt.isAfter(businessTime);
    }

    /** Whether a sale of this business time, applied at {@code appliedAt}, was counted in the program. */
    public boolean counted(Instant businessTime, Instant appliedAt) {
        return counts(businessTime) && !publishedAt.isAfter(appliedAt);
    }
}
