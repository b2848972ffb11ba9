package io.downline.kyc.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.downline.kyc.service.MemberLifecycle;
import io.downline.platform.members.MemberChanged;

/**
 * users.events.v1 reaches this service through the platform's member projection (idempotent, parked while the
 * member is unknown, dead-lettered to kyc-service.users.events.v1.dlq); this observer hands each change on.
 */
@ApplicationScoped
public class MemberChanges {

    private final MemberLifecycle lifecycle;

    public MemberChanges(MemberLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void on(@Observes MemberChanged change) {
        lifecycle.changed(change.before(), change.after());
    }
}
