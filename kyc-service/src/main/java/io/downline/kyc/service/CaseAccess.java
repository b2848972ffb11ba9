package io.downline.kyc.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.kyc.domain.KycCase;
import io.downline.kyc.repository.CaseRepository;
import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/**
 * Who may see or change a case. Staff who read every case (admin, kyc-officer, auditor) learn whether it exists;
 * a member gets the same refusal for another member's case and for one that does not exist (access is decided
 * before existence is revealed).
 */
@ApplicationScoped
public class CaseAccess {

    static final String[] CASE_READERS = { Roles.ADMIN, Roles.KYC_OFFICER, Roles.AUDITOR };

    private final CaseRepository cases;
    private final Caller caller;

    public CaseAccess(CaseRepository cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    public KycCase readable(UUID caseId) {
        if (caller.hasAnyRole(CASE_READERS)) {
            return cases.find(caseId).orElseThrow(() -> NotFoundException.of("KYC case", caseId));
        }
        return cases.find(caseId).filter(this::ownedByCaller).orElseThrow(CaseAccess::notYours);
    }

    /** The caller's own case, locked: what a member changes (uploads, submits). */
    public KycCase ownLocked(UUID caseId) {
        return cases.lock(caseId).filter(this::ownedByCaller).orElseThrow(CaseAccess::notYours);
    }

    /** The caller's own case, read without a lock (the early check of an upload). */
    public KycCase own(UUID caseId) {
        return cases.find(caseId).filter(this::ownedByCaller).orElseThrow(CaseAccess::notYours);
    }

    public boolean ownedByCaller(KycCase c) {
        return caller.isMember(c.memberId());
    }

    private static AccessDeniedException notYours() {
        return new AccessDeniedException("You may only access your own KYC cases");
    }
}
