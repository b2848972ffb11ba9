package io.downline.payout.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's view of one KYC case, from kyc.events.v1. */
@Entity
@Table(name = "kyc_case")
public class KycCase {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String FULL = "FULL";

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

}
