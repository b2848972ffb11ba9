package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.TIMEOUT;
import static io.downline.platform.inbox.InboxFixture.memberAdded;
import static io.downline.platform.inbox.InboxFixture.send;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An event about something not known yet is parked, never dropped, and applied in order once it is known. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ParkingTest {

    @Inject
    InboxFixture inbox;

    @Inject
    Parking parking;

    @Inject
    EntityManager entityManager;

    @Test
    void eventsForAnUnknownTeamAreParkedAndAppliedInOrderWhenTheTeamArrives() {
        UUID teamId = UUID.randomUUID();
        EventEnvelope first = memberAdded(teamId);
        EventEnvelope second = memberAdded(teamId);
        send(first);
        send(second);
        inbox.awaitProcessed(second);

        assertThat(parkedFor(teamId)).isEqualTo(2);
        assertThat(members(teamId)).isEmpty();
        // The gauge is counted again right after the parking transaction commits, which is when the event shows as
        // processed: it may lag that by a moment, never by a sweep.
        await().atMost(TIMEOUT).untilAsserted(
                () -> assertThat(inbox.gauge("downline.consumer.parked")).isGreaterThanOrEqualTo(2));
        send(first);

        send(teamCreated(teamId, "Arrives late"));

        await().atMost(TIMEOUT).until(() -> members(teamId).size() == 2);
        assertThat(members(teamId)).as("applied once each, in the order they were parked")
                .containsExactly(memberOf(first), memberOf(second));
        assertThat(parkedFor(teamId)).isZero();
    }

    @Test
    void theSweepAppliesAParkedEventWhoseTeamArrivedWithoutARelease() {
        UUID teamId = UUID.randomUUID();
        EventEnvelope added = memberAdded(teamId);
        send(added);
        inbox.awaitProcessed(added);
        assertThat(parkedFor(teamId)).isEqualTo(1);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("INSERT INTO inbox_team (id, name) VALUES (?1, 'Made by hand')")
                .setParameter(1, teamId).executeUpdate());
        parking.retryParked();

        assertThat(members(teamId)).containsExactly(memberOf(added));
        assertThat(parkedFor(teamId)).isZero();
    }

    /**
     * A channel with several copies runs several consumer calls at once: what one call's transaction releases is
     * applied by that call, before its consumer takes the next record, and never taken over by another thread
     * replaying at the same moment (another copy, the sweep).
     */
    @Test
    void whatAConsumerCallReleasesIsAppliedByThatCallOnly() throws Exception {
        UUID teamId = UUID.randomUUID();
        EventEnvelope added = memberAdded(teamId);
        send(added);
        inbox.awaitProcessed(added);
        assertThat(parkedFor(teamId)).isEqualTo(1);

        CountDownLatch released = new CountDownLatch(1);
        CountDownLatch otherThreadReplayed = new CountDownLatch(1);
        CompletableFuture<List<UUID>> call = CompletableFuture.supplyAsync(() -> parking.consuming(() -> {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("INSERT INTO inbox_team (id, name) VALUES (?1, 'Released in a call')")
                        .setParameter(1, teamId).executeUpdate();
                parking.release("team", teamId);
            });
            released.countDown();
            awaitLatch(otherThreadReplayed);
            List<UUID> beforeItsReplay = members(teamId);
            parking.replayReleased();
            return beforeItsReplay;
        }));

        awaitLatch(released);
        parking.replayReleased();
        assertThat(members(teamId)).as("another thread's replay leaves the call's release alone").isEmpty();
        otherThreadReplayed.countDown();

        assertThat(call.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
        assertThat(members(teamId)).containsExactly(memberOf(added));
        assertThat(parkedFor(teamId)).isZero();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long parkedFor(UUID teamId) {
        return inbox.count("SELECT count(*) FROM parked_event WHERE waits_for = ?1", "team:" + teamId);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> members(UUID teamId) {
        return inbox.query(() -> entityManager
                .createNativeQuery("SELECT member_id FROM inbox_team_member WHERE team_id = ?1 ORDER BY seq")
                .setParameter(1, teamId)
                .getResultList());
    }

    private static UUID memberOf(EventEnvelope event) {
        return event.payload(TeamMemberAdded.class).memberId();
    }
}
