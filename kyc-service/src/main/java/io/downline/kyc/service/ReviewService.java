package io.downline.kyc.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.kyc.config.KycConfig;
import io.downline.kyc.domain.CaseStatus;
import io.downline.kyc.domain.DecisionOutcome;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycCase;
import io.downline.kyc.domain.KycLevel;
import io.downline.kyc.repository.CaseRepository;
import io.downline.kyc.repository.CaseRepository.QueueFilter;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;

/** The officers' side: the queue, claiming a case, deciding it. */
@ApplicationScoped
public class ReviewService {

    /** What the queue shows when no status is asked for: the cases waiting for an officer or in review. */
    static final Collection<CaseStatus> DEFAULT_QUEUE = EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW);

    private final CaseRepository cases;
    private final KycEvents events;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;
    private final Duration approvalValidity;

    public ReviewService(CaseRepository cases, KycEvents events, AdminAudit audit, Caller caller, Clock clock,
            KycConfig config) {
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.approvalValidity = config.approvalValidity();
    }

    /** The queue's {@code total} counts up to this; a longer queue reports it with {@code totalCapped}. */
    static final int COUNT_CAP = 10_000;

    /** A case in the queue and how long ago it was (re)submitted. */
    public record QueueItem(KycCase kycCase, Duration age) {
    }

    /** One page of the queue; {@code totalCapped}: there are more than {@code total} cases. */
    public record QueuePage(List<QueueItem> items, int page, int size, long total, boolean totalCapped) {
    }

    /** A decision as an officer gives it. */
    public record Decision(DecisionOutcome outcome, String reason, List<DocumentType> documentTypes) {
    }

    @Transactional
    public QueuePage queue(Collection<CaseStatus> statuses, KycLevel level, String country, int page, int size) {
        QueueFilter filter = new QueueFilter(statuses.isEmpty() ? DEFAULT_QUEUE : statuses, level, country);
        Instant now = clock.instant();
        List<QueueItem> items = cases.queue(filter, page, size).stream()
                .map(c -> new QueueItem(c, c.submittedAt() == null ? Duration.ZERO
                        : Duration.between(c.submittedAt(), now)))
                .toList();
        long counted = cases.queueSize(filter, COUNT_CAP + 1);
        return new QueuePage(items, page, size, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /** Takes a submitted case into review; of concurrent claims, the row lock lets exactly one win. */
    @Transactional
    public KycCase claim(UUID caseId) {
        KycCase before = cases.lock(caseId).orElseThrow(() -> NotFoundException.of("KYC case", caseId));
        KycCase after = before.claim(caller.subject(), caller.memberId().orElse(null), clock.instant());
        cases.update(after);
        events.reviewStarted(after);
        audit.record("kyc.case-claim", "kyc-case", caseId, AuditState.of(before), AuditState.of(after));
        return after;
    }

    @Transactional
    public KycCase decide(UUID caseId, Decision decision) {
        KycCase before = cases.lock(caseId).orElseThrow(() -> NotFoundException.of("KYC case", caseId));
        KycCase after = before.decide(caller.subject(), decision.outcome(), decision.reason(),
                decision.documentTypes() == null ? List.of() : decision.documentTypes(), approvalValidity,
                clock.instant());
        cases.update(after);
        events.decided(after);
        audit.record("kyc.case-decide", "kyc-case", caseId, AuditState.of(before), AuditState.of(after));
        return after;
    }
}
