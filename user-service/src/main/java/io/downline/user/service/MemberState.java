package io.downline.user.service;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Member;

/** What the audit log keeps of a member before and after a staff change. */
public record MemberState(UUID id, String email, String name, String phone, String country, UUID sponsorId,
        String status, Instant updatedAt) {

    public static MemberState of(Member m) {
        return new MemberState(m.id, m.email, m.name, m.phone, m.country, m.sponsorId, m.status.name(), m.updatedAt);
    }
}
