package io.downline.kyc.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.kyc.service.ReviewService.QueueItem;

/** A case in the officers' queue; {@code age} (ISO-8601 duration) and {@code ageSeconds}: since its submission. */
public record QueueItemView(UUID caseId, UUID memberId, String level, String status, String country,
        Instant submittedAt, String reviewer, String age, long ageSeconds) {

    public static QueueItemView of(QueueItem item) {
        var c = item.kycCase();
        return new QueueItemView(c.id(), c.memberId(), c.level().name(), c.status().name(), c.country(),
                c.submittedAt(), c.reviewer(), item.age().toString(), item.age().toSeconds());
    }
}
