package io.downline.kyc.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;

/**
 * A member's KYC case of one level and its workflow. Immutable: each transition returns the case after it, or
 * refuses with the platform's domain exceptions (wrong state: conflict; the officer's own case: access denied;
 * missing documents: business rule).
 *
 * @param reviewer          the OIDC subject of the officer who claimed the case
 * @param reason            the officer's reason for the decision (or why the case was closed)
 * @param resubmissionTypes the document types the officer asked to provide again (may be empty)
 */
public record KycCase(UUID id, UUID memberId, KycLevel level, CaseStatus status, String country, Instant createdAt,
        Instant submittedAt, String reviewer, Instant claimedAt, Instant decidedAt, String reason,
        List<DocumentType> resubmissionTypes, Instant resubmissionRequestedAt, Instant expiresAt, Instant closedAt,
        Instant updatedAt) {

    public KycCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
        resubmissionTypes = List.copyOf(resubmissionTypes);
        // PostgreSQL keeps microseconds: a case reads back exactly as it was written, and its events carry the
        // stored times.
        createdAt = micros(createdAt);
        submittedAt = micros(submittedAt);
        claimedAt = micros(claimedAt);
        decidedAt = micros(decidedAt);
        resubmissionRequestedAt = micros(resubmissionRequestedAt);
        expiresAt = micros(expiresAt);
        closedAt = micros(closedAt);
        updatedAt = micros(updatedAt);
    }

    /** An instant at the precision the database keeps. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static KycCase open(UUID id, UUID memberId, KycLevel level, String country, Instant now) {
        return new KycCase(id, memberId, level, CaseStatus.DRAFT, country, now, null, null, null, null, null,
                List.of(), null, null, null, now);
    }

    /** Refuses anything but a case the member may still change (upload, submit). */
    public void requireEditable() {
        if (!status.editableByMember()) {
            throw new ConflictException("Case " + id + " is " + status + "; documents can be added only to a draft"
                    + " or a case sent back for resubmission");
        }
    }

    /**
     * @param documentTypes      the types of every document of the case
     * @param freshDocumentTypes the types uploaded since the officer asked for resubmission (all of them on a draft)
     */
    public KycCase submit(Collection<DocumentType> documentTypes, Collection<DocumentType> freshDocumentTypes,
            Instant now) {
        requireEditable();
        List<String> missing = level.missing(Set.copyOf(documentTypes));
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("documents", "A " + level + " case needs " + String.join(", ", missing));
        }
        if (status == CaseStatus.RESUBMISSION_REQUESTED) {
            List<String> stale = resubmissionTypes.stream().filter(type -> !freshDocumentTypes.contains(type))
                    .map(Enum::name).toList();
            if (!stale.isEmpty()) {
                throw new BusinessRuleException("documents", "Upload again before resubmitting: " + String.join(", ", stale));
            }
        }
        return new KycCase(id, memberId, level, CaseStatus.SUBMITTED, country, createdAt, now, null, null, null, null,
                List.of(), resubmissionRequestedAt, null, null, now);
    }

    /**
     * @param officer         the claiming officer's OIDC subject
     * @param officerMemberId the member the officer logs in as, if any: nobody reviews their own case
     */
    public KycCase claim(String officer, UUID officerMemberId, Instant now) {
        if (memberId.equals(officerMemberId)) {
            throw new AccessDeniedException("Nobody reviews their own KYC case");
        }
        if (status != CaseStatus.SUBMITTED) {
            throw new ConflictException("Case " + id + " is " + status + "; only a submitted case can be claimed");
        }
        return new KycCase(id, memberId, level, CaseStatus.IN_REVIEW, country, createdAt, submittedAt, officer, now,
                null, null, List.of(), resubmissionRequestedAt, null, null, now);
    }

    /**
     * @param validity how long an approval holds
     * @param types    for a resubmission request, the types to provide again (may be empty: the reason says it)
     */
    public KycCase decide(String officer, DecisionOutcome outcome, String decisionReason, List<DocumentType> types,
            Duration validity, Instant now) {
        if (status != CaseStatus.IN_REVIEW) {
            throw new ConflictException("Case " + id + " is " + status + "; only a case in review can be decided");
        }
        if (!officer.equals(reviewer)) {
            throw new AccessDeniedException("Case " + id + " is reviewed by another officer");
        }
        if (decisionReason == null || decisionReason.isBlank()) {
            throw new BusinessRuleException("reason", "A decision needs a reason");
        }
        String why = decisionReason.strip();
        return switch (outcome) {
            case APPROVE -> new KycCase(id, memberId, level, CaseStatus.APPROVED, country, createdAt, submittedAt,
                    reviewer, claimedAt, now, why, List.of(), resubmissionRequestedAt, now.plus(validity), null, now);
            case REJECT -> new KycCase(id, memberId, level, CaseStatus.REJECTED, country, createdAt, submittedAt,
                    reviewer, claimedAt, now, why, List.of(), resubmissionRequestedAt, null, null, now);
            case REQUEST_RESUBMISSION -> new KycCase(id, memberId, level, CaseStatus.RESUBMISSION_REQUESTED, country,
                    createdAt, submittedAt, reviewer, claimedAt, now, why, types, now, null, null, now);
        };
    }

    /** Whether an approved case has reached its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return status == CaseStatus.APPROVED && !expiresAt.isAfter(now);
    }

    public KycCase expire(Instant now) {
        if (!expiredAt(now)) {
            throw new ConflictException("Case " + id + " is " + status + " and not due to expire");
        }
        return withStatus(CaseStatus.EXPIRED, closedAt, now);
    }

    /** Closes an open case because its member can no longer be verified (terminated). */
    public KycCase close(String why, Instant now) {
        if (!status.open()) {
            throw new ConflictException("Case " + id + " is " + status + "; only an open case can be closed");
        }
        return new KycCase(id, memberId, level, CaseStatus.CLOSED, country, createdAt, submittedAt, reviewer,
                claimedAt, decidedAt, why, resubmissionTypes, resubmissionRequestedAt, expiresAt, now, now);
    }

    public KycCase withCountry(String newCountry, Instant now) {
        return new KycCase(id, memberId, level, status, newCountry, createdAt, submittedAt, reviewer, claimedAt,
                decidedAt, reason, resubmissionTypes, resubmissionRequestedAt, expiresAt, closedAt, now);
    }

    private KycCase withStatus(CaseStatus newStatus, Instant closed, Instant now) {
        return new KycCase(id, memberId, level, newStatus, country, createdAt, submittedAt, reviewer, claimedAt,
                decidedAt, reason, resubmissionTypes, resubmissionRequestedAt, expiresAt, closed, now);
    }
}
