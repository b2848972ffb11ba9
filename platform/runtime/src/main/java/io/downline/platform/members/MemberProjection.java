package io.downline.platform.members;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Applies the member events of {@code users.events.v1} to {@code member_projection}, inside the consumer's
 * transaction, and fires {@link MemberChanged} for every real change. An event about a member not registered
 * yet waits for them ({@link WaitingFor} {@code member:<id>}): the platform parks it, and their
 * {@code member.registered} releases it, together with whatever else this service's consumers parked for that
 * member. Other users events are ignored.
 */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class MemberProjection {

    private final MemberProjectionStore store;
    private final Parking parking;
    private final Event<MemberChanged> changes;
    private final Clock clock;

    MemberProjection(MemberProjectionStore store, Parking parking, Event<MemberChanged> changes, Clock clock) {
        this.store = store;
        this.parking = parking;
        this.changes = changes;
        this.clock = clock;
    }

    public void apply(EventEnvelope event) {
        Optional<EventType> type = EventType.find(event.type());
        if (type.isEmpty()) {
            return;
        }
        switch (type.get()) {
            case MEMBER_REGISTERED -> register(event.payload(MemberRegistered.class), event.type());
            case MEMBER_ACTIVATED -> change(event.type(), event.payload(MemberActivated.class).memberId(),
                    member -> member.withStatus(MemberStatus.ACTIVE, clock.instant()));
            case MEMBER_SUSPENDED -> change(event.type(), event.payload(MemberSuspended.class).memberId(),
                    member -> member.withStatus(MemberStatus.SUSPENDED, clock.instant()));
            case MEMBER_REINSTATED -> {
                MemberReinstated reinstated = event.payload(MemberReinstated.class);
                // Back to the status the suspension interrupted; events from before that field meant ACTIVE.
                MemberStatus status = reinstated.status() == null ? MemberStatus.ACTIVE
                        : MemberStatus.valueOf(reinstated.status());
                change(event.type(), reinstated.memberId(), member -> member.withStatus(status, clock.instant()));
            }
            case MEMBER_TERMINATED -> change(event.type(), event.payload(MemberTerminated.class).memberId(),
                    member -> member.withStatus(MemberStatus.TERMINATED, clock.instant()));
            case MEMBER_PROFILE_UPDATED -> {
                MemberProfileUpdated profile = event.payload(MemberProfileUpdated.class);
                change(event.type(), profile.memberId(),
                        member -> member.withCountry(profile.country(), clock.instant()));
            }
            case MEMBER_SPONSOR_CHANGED -> {
                MemberSponsorChanged move = event.payload(MemberSponsorChanged.class);
                change(event.type(), move.memberId(),
                        member -> member.withSponsor(move.newSponsorId(), clock.instant()));
            }
            default -> {
                // Teams and meetings are no part of the member projection.
            }
        }
    }

    private void register(MemberRegistered registered, String eventType) {
        ProjectedMember member = new ProjectedMember(registered.memberId(), registered.oidcSubject(),
                registered.sponsorId(), MemberStatus.valueOf(registered.status()), registered.country(),
                registered.occurredAt(), clock.instant());
        if (store.insert(member)) {
            changes.fire(new MemberChanged(null, member, eventType));
            parking.release("member", member.memberId());
        }
    }

    private void change(String eventType, UUID memberId, UnaryOperator<ProjectedMember> change) {
        ProjectedMember before = store.lock(memberId).orElseThrow(() -> new WaitingFor("member", memberId));
        ProjectedMember after = change.apply(before);
        if (after.sameAs(before)) {
            return;
        }
        store.update(after);
        changes.fire(new MemberChanged(before, after, eventType));
    }
}
