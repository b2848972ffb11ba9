package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestKafka;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the outbox promises while Kafka is down and the service keeps working: every event is published at
 * least once (a repeat carries the same ce_id, which consumers deduplicate by), and each aggregate's events
 * arrive in the order they were written. Not "exactly once": a lost acknowledgement may repeat an event.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxDeliveryTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsWrittenDuringABrokerOutageArriveAtLeastOnceAndInOrderPerAggregate() throws Exception {
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            Registered member = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
            users.await(EventType.MEMBER_REGISTERED, member.id()); // warm: the relay is connected

            List<UUID> registeredDuringOutage = new ArrayList<>();
            TestKafka.stopBroker();
            try {
                for (int i = 1; i <= 5; i++) {
                    given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                            .body(Map.of("name", "Name " + i, "country", "US"))
                            .put("/api/members/{id}/profile", member.id())
                            .then().statusCode(200);
                    registeredDuringOutage.add(TestMembers.register(member.referralCode()).id());
                }
                // Nothing is lost: the rows wait in the outbox, unsent.
                assertThat(unsentEvents(member.id()))
                        .containsExactlyElementsOf(outboxEvents(member.id(), EventType.MEMBER_PROFILE_UPDATED))
                        .hasSize(5);
            } finally {
                TestKafka.startBroker();
            }

            List<UUID> written = outboxEvents(member.id(), EventType.MEMBER_PROFILE_UPDATED);
            assertThat(written).hasSize(5);
            List<EventEnvelope> updates = users.awaitCount(EventType.MEMBER_PROFILE_UPDATED,
                    e -> e.subject().equals(member.id().toString()), 5, Duration.ofSeconds(60));
            // In order per aggregate: the first arrival of each event is in the order the outbox rows were written.
            List<EventEnvelope> firstArrivals = updates.stream()
                    .collect(Collectors.toMap(EventEnvelope::id, e -> e, (first, repeat) -> first, LinkedHashMap::new))
                    .values().stream().toList();
            assertThat(firstArrivals).extracting(EventEnvelope::id).containsExactlyElementsOf(written);
            assertThat(firstArrivals).extracting(e -> e.payload(MemberProfileUpdated.class).name())
                    .containsExactly("Name 1", "Name 2", "Name 3", "Name 4", "Name 5");
            // At least once, for the other aggregates too.
            for (UUID id : registeredDuringOutage) {
                users.await(EventType.MEMBER_REGISTERED, id);
            }
            // A repeat, if there is one, is the same event under the same ce_id (so consumers can drop it), and
            // nothing arrives that the outbox did not hold.
            Map<UUID, List<EventEnvelope>> byId = updates.stream().collect(Collectors.groupingBy(EventEnvelope::id));
            assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(written);
            byId.values().forEach(copies ->
                    assertThat(copies).extracting(EventEnvelope::data).containsOnly(copies.get(0).data()));
            await().atMost(Duration.ofSeconds(30)).until(() -> unsentEvents(member.id()).isEmpty());
        }
    }

    private List<UUID> outboxEvents(UUID aggregate, EventType type) throws SQLException {
        return eventIds("SELECT event_id FROM outbox_log WHERE aggregate_id = ? AND type = '" + type.type() + "' ORDER BY id",
                aggregate);
    }

    private List<UUID> unsentEvents(UUID aggregate) throws SQLException {
        return eventIds("SELECT event_id FROM outbox WHERE aggregate_id = ? ORDER BY id", aggregate);
    }

    private List<UUID> eventIds(String sql, UUID aggregate) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregate.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
