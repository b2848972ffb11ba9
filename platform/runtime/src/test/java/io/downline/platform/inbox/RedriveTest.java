package io.downline.platform.inbox;

import static io.downline.platform.inbox.InboxFixture.TIMEOUT;
import static io.downline.platform.inbox.InboxFixture.header;
import static io.downline.platform.inbox.InboxFixture.send;
import static io.downline.platform.inbox.InboxFixture.teamCreated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** After a fix, an operator puts a channel's dead letters back on its topic, and the service applies them. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class RedriveTest {

    private static final String REDRIVE = "/admin/dead-letters/inbox-test/redrive";

    @Inject
    InboxFixture inbox;

    @Inject
    EntityManager entityManager;

    @Test
    void aRefusedEventIsAppliedOnceAfterTheFixAndARedrive() {
        UUID teamId = UUID.randomUUID();
        String name = "Refused " + teamId;
        sql("INSERT INTO inbox_refused_name (name) VALUES (?1)", name);
        EventEnvelope created = teamCreated(teamId, name);
        try (EventLog deadLetters = EventLog.tailRaw(InboxFixture.DLQ)) {
            send(created);
            deadLetters.awaitRecord(r -> created.id().toString().equals(header(r, CloudEventHeaders.ID)), TIMEOUT);
        }
        assertThat(inbox.processed(created)).isFalse();

        sql("DELETE FROM inbox_refused_name WHERE name = ?1", name);
        try (EventLog audit = EventLog.tail("platform-test.events.v1")) {
            given().auth().oauth2(Tokens.admin("operator-1")).when().post(REDRIVE)
                    .then().statusCode(200)
                    .body("channel", equalTo("inbox-test"))
                    .body("deadLetterTopic", equalTo(InboxFixture.DLQ))
                    .body("redriven", greaterThanOrEqualTo(1));
            audit.await(EventType.ADMIN_ACTION_PERFORMED, e -> e.data().contains("dead-letters.redrive"));
        }

        inbox.awaitProcessed(created);
        assertThat(inbox.applied(teamId)).isEqualTo(1);
    }

    @Test
    void onlyAnAdminRedrives() {
        given().when().post(REDRIVE).then().statusCode(401);
        given().auth().oauth2(Tokens.member("member-1")).when().post(REDRIVE).then().statusCode(403);
        given().auth().oauth2(Tokens.admin("operator-1")).when().post("/admin/dead-letters/no-such-channel/redrive")
                .then().statusCode(404);
    }

    private void sql(String statement, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement)
                .setParameter(1, parameter).executeUpdate());
    }
}
