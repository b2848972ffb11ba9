package io.downline.kyc.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.kyc.domain.CaseStatus;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycCase;
import io.downline.kyc.domain.KycLevel;
import io.downline.kyc.repository.CaseRepository;
import io.downline.kyc.repository.DocumentRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.members.MemberProjectionStore;
import io.downline.platform.members.MemberStatus;
import io.downline.platform.members.ProjectedMember;
import io.downline.platform.security.Caller;

/** A member's side of the workflow: open a case, see it, submit it. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final DocumentRepository documents;
    private final CaseAccess access;
    private final DocumentVault vault;
    private final MemberProjectionStore members;
    private final KycEvents events;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;

    public CaseService(CaseRepository cases, DocumentRepository documents, CaseAccess access, DocumentVault vault,
            MemberProjectionStore members, KycEvents events, AdminAudit audit, Caller caller, Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.access = access;
        this.vault = vault;
        this.members = members;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public KycCase open(KycLevel level) {
        ProjectedMember member = callerInGoodStanding();
        boolean current = cases.ofMember(member.memberId()).stream()
                .anyMatch(c -> c.level() == level && (c.status().open() || c.status() == CaseStatus.APPROVED));
        if (current) {
            throw new ConflictException("You already have a current " + level + " case");
        }
        KycCase created = KycCase.open(UUID.randomUUID(), member.memberId(), level, member.country(), clock.instant());
        cases.insert(created);
        audit.record("kyc.case-open", "kyc-case", created.id(), null, AuditState.of(created));
        return created;
    }

    /** A member's cases, oldest first: their own, or anyone's for staff who read cases. */
    @Transactional
    public List<KycCase> casesOf(UUID memberId) {
        caller.requireSelfOrRole(memberId, CaseAccess.CASE_READERS);
        return cases.ofMember(memberId);
    }

    @Transactional
    public CaseDetails details(UUID caseId) {
        KycCase c = access.readable(caseId);
        boolean personal = access.ownedByCaller(c) || caller.subject().equals(c.reviewer());
        return new CaseDetails(c, documents.ofCase(caseId).stream()
                .map(d -> new CaseDetails.DocumentSummary(d, personal ? vault.details(d) : null)).toList());
    }

    @Transactional
    public KycCase submit(UUID caseId) {
        callerInGoodStanding();
        KycCase before = access.ownLocked(caseId);
        Set<DocumentType> all = documents.typesOf(caseId, null);
        Set<DocumentType> fresh = documents.typesOf(caseId, before.resubmissionRequestedAt());
        KycCase after = before.submit(all, fresh, clock.instant());
        cases.update(after);
        events.submitted(after, all);
        audit.record("kyc.case-submit", "kyc-case", caseId, AuditState.of(before), AuditState.of(after));
        return after;
    }

    /** The caller's member record; refused when they have none or are suspended or terminated. */
    ProjectedMember callerInGoodStanding() {
        UUID memberId = caller.requireMemberId();
        ProjectedMember member = members.find(memberId)
                .orElseThrow(() -> new AccessDeniedException("Your membership is not known to KYC yet"));
        if (member.status() == MemberStatus.SUSPENDED || member.status() == MemberStatus.TERMINATED) {
            throw new AccessDeniedException("Your membership is " + member.status().name().toLowerCase()
                    + "; you cannot change your KYC cases");
        }
        return member;
    }
}
