package io.downline.kyc.service;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.kyc.domain.KycCase;
import io.downline.kyc.repository.CaseRepository;
import io.downline.platform.audit.Actor;
import io.downline.platform.members.MemberStatus;
import io.downline.platform.members.ProjectedMember;

/** What a change of a member (from users.events.v1, through the platform's projection) means for their cases. */
@ApplicationScoped
public class MemberLifecycle {

    static final String TERMINATED_REASON = "Member terminated";

    private final CaseRepository cases;
    private final KycEvents events;
    private final Actor actor;
    private final Clock clock;

    public MemberLifecycle(CaseRepository cases, KycEvents events, Actor actor, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** Runs in the projection's transaction: its change, the processed mark and ours commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(ProjectedMember before, ProjectedMember after) {
        if (after.status() == MemberStatus.TERMINATED && (before == null || before.status() != MemberStatus.TERMINATED)) {
            closeOpenCases(after.memberId());
        }
        if (before != null && !Objects.equals(before.country(), after.country())) {
            cases.updateCountry(after.memberId(), after.country(), clock.instant());
        }
    }

    private void closeOpenCases(UUID memberId) {
        for (KycCase open : cases.lockOpenOf(memberId)) {
            KycCase closed = open.close(TERMINATED_REASON, clock.instant());
            cases.update(closed);
            events.closed(closed, actor.system());
        }
    }
}
