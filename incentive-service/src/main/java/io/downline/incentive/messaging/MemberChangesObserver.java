package io.downline.incentive.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.downline.incentive.service.Engine;
import io.downline.platform.members.MemberChanged;
import io.downline.platform.members.MemberStatus;
import io.downline.platform.members.ProjectedMember;

/**
 * The platform's member projection (users.events.v1) tells the engine about recruits and standing. Runs in the
 * projection's transaction: a failure here makes the users event retry.
 */
@ApplicationScoped
public class MemberChangesObserver {

    private final Engine engine;

    public MemberChangesObserver(Engine engine) {
        this.engine = engine;
    }

    void on(@Observes MemberChanged change) {
        ProjectedMember after = change.after();
        if (becameActive(change) && after.sponsorId() != null) {
            engine.recruitActivated(after.memberId(), after.sponsorId(), after.registeredAt());
        }
        if (change.before() != null && (change.before().status() != after.status()
                || !change.before().country().equals(after.country()))) {
            engine.standingChanged(after.memberId());
        }
    }

    /** First activation only: a reinstated member is not a new recruit. */
    private static boolean becameActive(MemberChanged change) {
        return change.after().status() == MemberStatus.ACTIVE
                && (change.before() == null || change.before().status() == MemberStatus.PENDING);
    }
}
