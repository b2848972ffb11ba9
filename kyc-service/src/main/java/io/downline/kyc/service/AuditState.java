package io.downline.kyc.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.kyc.domain.KycCase;

/** What the audit log keeps of a case before and after a change (no personal data beyond ids). */
record AuditState(UUID memberId, String level, String status, String reviewer, String reason,
        List<String> resubmissionTypes, Instant expiresAt) {

    static AuditState of(KycCase c) {
        return new AuditState(c.memberId(), c.level().name(), c.status().name(), c.reviewer(), c.reason(),
                c.resubmissionTypes().stream().map(Enum::name).toList(), c.expiresAt());
    }
}
