package io.downline.user.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.user.domain.Member;

/** A member's profile as the member themselves and staff see it. */
public record MemberView(UUID id, String email, String name, String phone, String country, String referralCode,
        UUID sponsorId, String status, String rank, Kyc kyc, Instant registeredAt, Instant updatedAt) {

    /** The KYC badge: highest approved level, latest outcome, expiry (all null before any KYC outcome). */
    public record Kyc(String level, String status, Instant expiresAt) {
    }

    public static MemberView of(Member m) {
        return new MemberView(m.id, m.email, m.name, m.phone, m.country, m.referralCode, m.sponsorId, m.status.name(),
                m.rank, new Kyc(m.kycLevel, m.kycStatus, m.kycExpiresAt), m.registeredAt, m.updatedAt);
    }
}
