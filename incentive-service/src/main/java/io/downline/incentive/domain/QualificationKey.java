package io.downline.incentive.domain;

import java.util.UUID;

/** A tier (level) of a program for a member. */
public record QualificationKey(UUID programId, UUID memberId, int level) {
}
