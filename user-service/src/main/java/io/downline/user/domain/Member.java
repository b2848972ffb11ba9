package io.downline.user.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member of the company. Their place in the sponsor tree (the ltree {@code path}) is kept by the
 * database and read through {@link io.downline.user.repository.SponsorTreeRepository}, not mapped here.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    public String phone;

    @Column(nullable = false)
    public String country;

    @Column(name = "referral_code", nullable = false, unique = true)
    public String referralCode;

    @Column(name = "sponsor_id")
    public UUID sponsorId;

    @Column(name = "oidc_subject", unique = true)
    public String oidcSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    /** While SUSPENDED: the status a reinstatement returns to (PENDING or ACTIVE); null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_suspension")
    public MemberStatus statusBeforeSuspension;

    /** Paid-as rank from the last period close (projection of member.rank-changed). */
    @Column(nullable = false)
    public String rank = "MEMBER";

    /** KYC badge (projection of kyc.* events): highest approved level, latest outcome, expiry. */
    @Column(name = "kyc_level")
    public String kycLevel;

    @Column(name = "kyc_status")
    public String kycStatus;

    @Column(name = "kyc_expires_at")
    public Instant kycExpiresAt;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isRoot() {
        return sponsorId == null;
    }

    /** Applies an allowed status change: a suspension remembers the status it interrupts, a reinstatement restores it. */
    public void changeStatus(StatusChange change, Instant at) {
        MemberStatus target = change.target(statusBeforeSuspension);
        statusBeforeSuspension = change == StatusChange.SUSPEND ? status : null;
        status = target;
        updatedAt = at;
    }
}
