package io.downline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.config.ServiceConfig;
import io.downline.platform.events.EventType;
import io.downline.platform.testapp.OutboxTestEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Two relays on one schema (two instances of a service): one leads, the other stands by and takes over. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxRelayLeadershipTest {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxTestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    ServiceConfig service;

    @Inject
    OutboxMetrics metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void secondRelayStandsByWhileTheFirstLeadsAndTakesOverWhenItStops() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.state() == OutboxRelay.State.LEADING);
        OutboxRelay second = new OutboxRelay(dataSource, config, service, metrics, clock, bootstrapServers);
        UUID widget = UUID.randomUUID();
        try (EventLog log = EventLog.tail(OutboxTable.TOPIC); Connection other = dataSource.getConnection()) {
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.state() == OutboxRelay.State.STANDBY);
            // The leader holds the schema's lock: nobody else gets it, events flow through the leader.
            assertThat(OutboxStore.tryLeadership(other, "platform_test")).isFalse();
            UUID first = events.rename(widget, "while-first-leads");
            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(first));
            assertThat(second.state()).isEqualTo(OutboxRelay.State.STANDBY);

            relay.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.state() == OutboxRelay.State.LEADING);
            assertThat(OutboxStore.tryLeadership(other, "platform_test")).isFalse();
            UUID next = events.rename(widget, "after-take-over");
            log.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.id().equals(next));
            assertThat(relay.state()).isEqualTo(OutboxRelay.State.STOPPED);
        } finally {
            second.stop();
            relay.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.state() == OutboxRelay.State.LEADING);
    }
}
