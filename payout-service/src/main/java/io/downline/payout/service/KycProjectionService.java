package io.downline.payout.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.domain.KycCase;
import io.downline.payout.repository.KycCaseRepository;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;

/** The KYC status of each case, kept from kyc.events.v1; a payout needs one approved, unexpired FULL case. */
@ApplicationScoped
public class KycProjectionService {

    static final String CASE = "kyc-case";

    private final KycCaseRepository cases;
    private final Parking parking;
    private final Clock clock;

    public KycProjectionService(KycCaseRepository cases, Parking parking, Clock clock) {
        this.cases = cases;
        this.parking = parking;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(KycApproved event) {
        save(event.caseId(), event.memberId(), event.level(), KycCase.APPROVED, event.expiresAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(KycRejected event) {
        save(event.caseId(), event.memberId(), event.level(), KycCase.REJECTED, null);
    }

    /** Only the case that expired; a newer approved case of the member keeps its approval. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(KycExpired event) {
        KycCase kyc = cases.findByIdOptional(event.caseId()).orElseThrow(() -> new WaitingFor(CASE, event.caseId()));
        kyc.status = KycCase.EXPIRED;
        kyc.updatedAt = clock.instant();
    }

    private void save(UUID caseId, UUID memberId, String level, String status, Instant expiresAt) {
        KycCase kyc = cases.findByIdOptional(caseId).orElseGet(KycCase::new);
        boolean created = kyc.caseId == null;
        kyc.caseId = caseId;
        kyc.memberId = memberId;
        kyc.level = level;
        kyc.status = status;
        kyc.expiresAt = expiresAt;
        kyc.updatedAt = clock.instant();
        if (created) {
            cases.persist(kyc);
        }
        parking.release(CASE, caseId);
    }
}
