package io.downline.platform.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;

/** The member projection fed with real users events through the broker, as user-service publishes them. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class MemberProjectionTest {

    private static final String SOURCE = "user-service";
    private static final String ADMIN = "admin-subject";
    private static final Instant REGISTERED_AT = Instant.parse("2026-03-02T09:30:00Z");
    private static final Instant LATER = Instant.parse("2026-03-05T12:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    MemberDirectory directory;
    @Inject
    MemberProjectionStore store;
    @Inject
    MemberChangeRecorder recorder;
    @Inject
    EntityManager entityManager;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void projectionAnswersTheDirectoryWhenEnabled() {
        assertThat(ClientProxy.unwrap(directory)).isInstanceOf(ProjectedMemberDirectory.class);
        assertThat(Arc.container().instance(ChannelRegistry.class).get().getIncomingNames()).contains("members");
    }

    @Test
    void registeredMemberIsKnownWithEverythingServicesNeed() {
        Instant projectedAt = Instant.parse("2026-03-02T09:30:01Z");
        clock.freezeAt(projectedAt);
        UUID memberId = UUID.randomUUID();
        UUID sponsorId = UUID.randomUUID();
        String subject = "subject-" + memberId;

        register(memberId, subject, sponsorId, "ACTIVE", "DE");

        assertThat(awaitMember(memberId, member -> true)).isEqualTo(new ProjectedMember(memberId, subject, sponsorId,
                MemberStatus.ACTIVE, "DE", REGISTERED_AT, projectedAt));
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, false));
        assertThat(read(() -> directory.find("subject-of-nobody"))).isEmpty();
    }

    @Test
    void statusChangesSetRestricted() {
        UUID memberId = UUID.randomUUID();
        String subject = "subject-" + memberId;
        register(memberId, subject, UUID.randomUUID(), "PENDING", "FR");
        awaitStatus(memberId, MemberStatus.PENDING);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, false));

        publish(memberId, new MemberActivated(memberId, SOURCE, LATER));
        awaitStatus(memberId, MemberStatus.ACTIVE);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, false));

        publish(memberId, new MemberSuspended(memberId, "unpaid fees", ADMIN, LATER));
        awaitStatus(memberId, MemberStatus.SUSPENDED);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, true));

        publish(memberId, new MemberReinstated(memberId, "fees paid", ADMIN, "ACTIVE", LATER));
        awaitStatus(memberId, MemberStatus.ACTIVE);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, false));

        publish(memberId, new MemberTerminated(memberId, "fraud", ADMIN, LATER));
        awaitStatus(memberId, MemberStatus.TERMINATED);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, true));
    }

    @Test
    void reinstatementReturnsToTheStatusTheSuspensionInterrupted() {
        UUID memberId = UUID.randomUUID();
        register(memberId, "subject-" + memberId, UUID.randomUUID(), "PENDING", "IT");
        awaitStatus(memberId, MemberStatus.PENDING);
        publish(memberId, new MemberSuspended(memberId, "document check", ADMIN, LATER));
        awaitStatus(memberId, MemberStatus.SUSPENDED);

        publish(memberId, new MemberReinstated(memberId, "documents fine", ADMIN, "PENDING", LATER));
        awaitStatus(memberId, MemberStatus.PENDING);
    }

    @Test
    void profileAndSponsorChangesAreKept() {
        UUID memberId = UUID.randomUUID();
        UUID firstSponsor = UUID.randomUUID();
        UUID newSponsor = UUID.randomUUID();
        register(memberId, "subject-" + memberId, firstSponsor, "ACTIVE", "DE");

        publish(memberId, new MemberProfileUpdated(memberId, "Ada Lovelace", null, "AT", LATER));
        publish(memberId, new MemberSponsorChanged(memberId, firstSponsor, newSponsor, "leader left", ADMIN, 3, LATER));

        ProjectedMember member = awaitMember(memberId, m -> newSponsor.equals(m.sponsorId()));
        assertThat(member.country()).isEqualTo("AT");
        assertThat(member.registeredAt()).isEqualTo(REGISTERED_AT);
        assertThat(recorder.seenFor(memberId)).extracting(seen -> seen.change().eventType())
                .containsExactly("member.registered", "member.profile-updated", "member.sponsor-changed");
        MemberChanged move = recorder.seenFor(memberId).get(2).change();
        assertThat(move.before().sponsorId()).isEqualTo(firstSponsor);
        assertThat(move.after().sponsorId()).isEqualTo(newSponsor);
    }

    @Test
    void redeliveryChangesNothing() {
        UUID memberId = UUID.randomUUID();
        String subject = "subject-" + memberId;
        register(memberId, subject, UUID.randomUUID(), "PENDING", "DE");
        EventEnvelope activated = publish(memberId, new MemberActivated(memberId, SOURCE, LATER));
        EventEnvelope suspended = publish(memberId, new MemberSuspended(memberId, "review", ADMIN, LATER));
        EventEnvelope reinstated = publish(memberId, new MemberReinstated(memberId, "cleared", ADMIN, "ACTIVE", LATER));
        await().atMost(PATIENCE).until(() -> processed(reinstated.id()) == 1);

        EventPublisher.send(Topics.USERS, suspended);
        EventPublisher.send(Topics.USERS, activated);
        // A second registration of the same member (another ce_id) does not register them again.
        register(memberId, subject, UUID.randomUUID(), "PENDING", "IT");
        // Same key, same partition: once this marker is applied, everything sent before it has been consumed.
        publish(memberId, new MemberProfileUpdated(memberId, "Ada", null, "FR", LATER));
        ProjectedMember member = awaitMember(memberId, m -> m.country().equals("FR"));

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, false));
        assertThat(processed(suspended.id())).isEqualTo(1);
        assertThat(recorder.seenFor(memberId)).extracting(seen -> seen.change().eventType()).containsExactly(
                "member.registered", "member.activated", "member.suspended", "member.reinstated",
                "member.profile-updated");
    }

    @Test
    void eventBeforeRegistrationIsParkedThenApplied() {
        UUID memberId = UUID.randomUUID();
        String subject = "subject-" + memberId;
        EventEnvelope suspended = publish(memberId, new MemberSuspended(memberId, "chargebacks", ADMIN, LATER));
        await().atMost(PATIENCE).until(() -> processed(suspended.id()) == 1);
        assertThat(parked(memberId)).isEqualTo(1);
        assertThat(read(() -> directory.find(subject))).isEmpty();

        register(memberId, subject, UUID.randomUUID(), "ACTIVE", "DE");

        awaitStatus(memberId, MemberStatus.SUSPENDED);
        assertThat(read(() -> directory.find(subject))).contains(new MemberIdentity(memberId, true));
        assertThat(parked(memberId)).isZero();
        assertThat(recorder.seenFor(memberId)).extracting(seen -> seen.change().eventType())
                .containsExactly("member.registered", "member.suspended");
    }

    @Test
    void hookRunsInTheProjectionsTransaction() {
        UUID memberId = UUID.randomUUID();
        register(memberId, "subject-" + memberId, UUID.randomUUID(), "ACTIVE", "DE");
        awaitStatus(memberId, MemberStatus.ACTIVE);
        recorder.failOnceFor(memberId);

        publish(memberId, new MemberSuspended(memberId, "review", ADMIN, LATER));

        awaitStatus(memberId, MemberStatus.SUSPENDED);
        var suspensions = recorder.seenFor(memberId).stream()
                .filter(seen -> seen.change().eventType().equals("member.suspended")).toList();
        // The first call failed: the projection's update rolled back with it, so the retry started from ACTIVE.
        assertThat(suspensions).hasSize(2).allSatisfy(seen -> {
            assertThat(seen.inTransaction()).isTrue();
            assertThat(seen.change().before().status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(seen.change().after().status()).isEqualTo(MemberStatus.SUSPENDED);
            assertThat(seen.rowSeen()).map(ProjectedMember::status).contains(MemberStatus.SUSPENDED);
        });
        assertThat(recorder.seenFor(memberId).get(0).change().before()).isNull();
    }

    private void register(UUID memberId, String subject, UUID sponsorId, String status, String country) {
        publish(memberId, new MemberRegistered(memberId, "m-" + memberId + "@example.com", "Member " + memberId,
                null, country, "R" + memberId.toString().substring(0, 8).toUpperCase(Locale.ROOT),
                sponsorId, subject, status, REGISTERED_AT));
    }

    private static EventEnvelope publish(UUID memberId, EventPayload payload) {
        return EventPublisher.publish(EventType.forPayload(payload.getClass()), SOURCE, memberId, payload);
    }

    private ProjectedMember awaitMember(UUID memberId, Predicate<ProjectedMember> condition) {
        return await().atMost(PATIENCE)
                .until(() -> read(() -> store.find(memberId)), found -> found.filter(condition).isPresent())
                .orElseThrow();
    }

    private void awaitStatus(UUID memberId, MemberStatus status) {
        awaitMember(memberId, member -> member.status() == status);
    }

    private long processed(UUID eventId) {
        return read(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, MemberProjectionConsumer.CONSUMER)
                .setParameter(2, eventId)
                .getSingleResult()).longValue());
    }

    private long parked(UUID memberId) {
        return read(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM parked_event WHERE consumer = ?1 AND waits_for = ?2")
                .setParameter(1, MemberProjectionConsumer.CONSUMER)
                .setParameter(2, "member:" + memberId)
                .getSingleResult()).longValue());
    }

    private static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
