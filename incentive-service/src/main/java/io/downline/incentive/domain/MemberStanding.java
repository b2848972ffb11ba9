package io.downline.incentive.domain;

import java.time.Instant;

/**
 * What eligibility looks at: the member's country, registration time, current paid-as rank and whether their
 * membership is in good standing (not suspended or terminated).
 */
public record MemberStanding(String country, Instant registeredAt, Rank rank, boolean goodStanding) {
}
