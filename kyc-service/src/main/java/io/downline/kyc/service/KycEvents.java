package io.downline.kyc.service;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycCase;
import io.downline.platform.events.EventType;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.kyc.KycResubmissionRequested;
import io.downline.platform.events.kyc.KycReviewStarted;
import io.downline.platform.events.kyc.KycSubmitted;
import io.downline.platform.outbox.OutboxWriter;

/** The kyc.events.v1 catalogue, each event keyed by its case, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class KycEvents {

    private final OutboxWriter outbox;

    public KycEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void submitted(KycCase c, Collection<DocumentType> documentTypes) {
        outbox.publish(EventType.KYC_SUBMITTED, c.id(), new KycSubmitted(c.id(), c.memberId(), c.level().name(),
                documentTypes.stream().map(Enum::name).sorted().toList(), c.updatedAt()));
    }

    void reviewStarted(KycCase c) {
        outbox.publish(EventType.KYC_REVIEW_STARTED, c.id(), new KycReviewStarted(c.id(), c.memberId(),
                c.level().name(), c.reviewer(), c.updatedAt()));
    }

    /** The event of the decision the case now carries (approved, rejected or resubmission requested). */
    void decided(KycCase c) {
        switch (c.status()) {
            case APPROVED -> outbox.publish(EventType.KYC_APPROVED, c.id(), new KycApproved(c.id(), c.memberId(),
                    c.level().name(), c.reviewer(), c.expiresAt(), c.updatedAt()));
            case REJECTED -> rejected(c, c.reviewer());
            case RESUBMISSION_REQUESTED -> outbox.publish(EventType.KYC_RESUBMISSION_REQUESTED, c.id(),
                    new KycResubmissionRequested(c.id(), c.memberId(), c.level().name(), c.reviewer(), c.reason(),
                            c.resubmissionTypes().stream().map(Enum::name).toList(), c.updatedAt()));
            default -> throw new IllegalArgumentException("Case " + c.id() + " is " + c.status() + ", not decided");
        }
    }

    /** A closed case is final like a rejection, and announced as one, by the service itself. */
    void closed(KycCase c, String actor) {
        rejected(c, actor);
    }

    void expired(KycCase c) {
        outbox.publish(EventType.KYC_EXPIRED, c.id(), new KycExpired(c.id(), c.memberId(), c.level().name(),
                c.updatedAt()));
    }

    private void rejected(KycCase c, String by) {
        outbox.publish(EventType.KYC_REJECTED, c.id(), new KycRejected(c.id(), c.memberId(), c.level().name(), by,
                c.reason(), c.updatedAt()));
    }
}
