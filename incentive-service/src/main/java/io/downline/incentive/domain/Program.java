package io.downline.incentive.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An incentive program: its rules and where it is in its life (DRAFT → PUBLISHED → CLOSED, then awarded).
 *
 * @param version optimistic-lock version, raised by every change
 */
public record Program(UUID id, String name, String description, ProgramStatus status, ProgramRules rules,
        String createdBy, Instant createdAt, Instant publishedAt, Instant closedAt, Instant awardedAt, long version) {
}
