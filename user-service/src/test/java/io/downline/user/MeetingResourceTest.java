package io.downline.user;

import static io.downline.user.TeamResourceTest.addMember;
import static io.downline.user.TeamResourceTest.as;
import static io.downline.user.TeamResourceTest.changeStatus;
import static io.downline.user.TeamResourceTest.createTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingReminder;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.TestClock;
import io.downline.user.TestMembers.Registered;
import io.downline.user.config.MeetingsConfig;
import io.downline.user.service.MeetingReminderJob;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class MeetingResourceTest {

    @Inject
    MeetingReminderJob reminders;

    @Inject
    Scheduler scheduler;

    @Inject
    TestClock clock;

    @Inject
    MeetingsConfig config;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A leader, one member of their downline, and their team. */
    private record Fixture(Registered leader, Registered member, UUID teamId) {
    }

    private static Fixture team() {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        Registered member = TestMembers.registerActive(leader.referralCode());
        UUID teamId = createTeam(leader.token(), "Meeting team");
        addMember(leader.token(), teamId, member.id());
        return new Fixture(leader, member, teamId);
    }

    private static Map<String, Object> meeting(String title, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        return body;
    }

    private Map<String, Object> inHours(long hours) {
        Instant start = clock.instant().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return meeting("Weekly call", start, start.plus(1, ChronoUnit.HOURS));
    }

    private static UUID schedule(String token, UUID teamId, Map<String, Object> body) {
        return UUID.fromString(as(token).body(body)
                .when().post("/api/teams/{teamId}/meetings", teamId)
                .then().statusCode(201)
                .extract().path("id"));
    }

    private static void cancel(String token, UUID teamId, UUID meetingId, int expectedStatus) {
        as(token).body(Map.of("reason", "Leader is travelling"))
                .when().post("/api/teams/{teamId}/meetings/{meetingId}/cancel", teamId, meetingId)
                .then().statusCode(expectedStatus);
    }

    @Test
    void theLeaderSchedulesAMeetingTheTeamSees() {
        Fixture f = team();
        Instant start = clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = meeting("  Launch night ", start, start.plus(2, ChronoUnit.HOURS));
        body.put("location", "https://meet.example.com/launch");
        String location;

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            var created = as(f.leader().token()).body(body)
                    .when().post("/api/teams/{teamId}/meetings", f.teamId())
                    .then().statusCode(201)
                    .body("title", equalTo("Launch night"))
                    .body("status", equalTo("SCHEDULED"))
                    .body("startsAt", equalTo(start.toString()))
                    .extract();
            UUID meetingId = UUID.fromString(created.path("id"));
            location = created.header("Location");

            MeetingScheduled scheduled = users.await(EventType.MEETING_SCHEDULED, meetingId)
                    .payload(MeetingScheduled.class);
            assertThat(scheduled.teamId()).isEqualTo(f.teamId());
            assertThat(scheduled.organizerId()).isEqualTo(f.leader().id());
            assertThat(scheduled.startsAt()).isEqualTo(start);
            assertThat(scheduled.location()).isEqualTo("https://meet.example.com/launch");
        }

        as(f.member().token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(200)
                .body("items.title", hasItem("Launch night"))
                .body("total", equalTo(1));
        as(f.member().token()).when().get(location)
                .then().statusCode(200)
                .body("location", equalTo("https://meet.example.com/launch"))
                .body("organizerId", equalTo(f.leader().id().toString()));
        Registered outsider = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        as(outsider.token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void meetingsMustStartInTheFutureAndLastAtMostADay() {
        Fixture f = team();
        Instant now = clock.instant();
        String token = f.leader().token();

        as(token).body(meeting("Past", now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("startsAt"));
        Instant start = now.plus(1, ChronoUnit.DAYS);
        as(token).body(meeting("Backwards", start, start.minus(1, ChronoUnit.MINUTES)))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(422).body("errors.field", hasItem("endsAt"));
        as(token).body(meeting("Marathon", start, start.plus(Duration.ofHours(24).plusMinutes(1))))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(422).body("errors.field", hasItem("endsAt"));
        schedule(token, f.teamId(), meeting("All day", start, start.plus(24, ChronoUnit.HOURS)));
    }

    @Test
    void invalidBodiesAreRefusedWithTheirFields() {
        Fixture f = team();
        Map<String, Object> blankTitle = inHours(24);
        blankTitle.put("title", " ");
        Map<String, Object> longTitle = inHours(24);
        longTitle.put("title", "x".repeat(201));
        Map<String, Object> longLocation = inHours(24);
        longLocation.put("location", "x".repeat(301));
        Map<String, Object> noStart = inHours(24);
        noStart.remove("startsAt");
        Map<String, Object> badStart = inHours(24);
        badStart.put("startsAt", "tomorrow");

        Map<Map<String, Object>, String> cases = Map.of(blankTitle, "title", longTitle, "title",
                longLocation, "location", noStart, "startsAt", badStart, "startsAt");
        cases.forEach((body, field) -> as(f.leader().token()).body(body)
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)));

        UUID meetingId = schedule(f.leader().token(), f.teamId(), inHours(24));
        as(f.leader().token()).body(Map.of("reason", ""))
                .when().post("/api/teams/{teamId}/meetings/{meetingId}/cancel", f.teamId(), meetingId)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as(f.leader().token()).queryParam("size", 500).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void onlyTheLeaderOrAnAdminManagesMeetings() {
        Fixture f = team();
        UUID meetingId = schedule(f.leader().token(), f.teamId(), inHours(24));

        given().contentType(ContentType.JSON).body(inHours(24))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(401);
        given().when().get("/api/teams/{teamId}/meetings", f.teamId()).then().statusCode(401);
        as(f.member().token()).body(inHours(24))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(403).contentType("application/problem+json");
        cancel(f.member().token(), f.teamId(), meetingId, 403);

        as(f.leader().token()).body(inHours(24))
                .when().post("/api/teams/{teamId}/meetings", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        cancel(f.leader().token(), f.teamId(), UUID.randomUUID(), 404);
        as(f.member().token()).when().get("/api/teams/{teamId}/meetings/{meetingId}", f.teamId(), UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        Fixture other = team();
        cancel(other.leader().token(), other.teamId(), meetingId, 404);
    }

    @Test
    void aMeetingIsCancelledOnceAndBeforeItStarts() {
        Fixture f = team();
        UUID meetingId = schedule(f.leader().token(), f.teamId(), inHours(24));

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            as(f.leader().token()).body(Map.of("reason", "Leader is travelling"))
                    .when().post("/api/teams/{teamId}/meetings/{meetingId}/cancel", f.teamId(), meetingId)
                    .then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("Leader is travelling"));
            MeetingCancelled cancelled = users.await(EventType.MEETING_CANCELLED, meetingId)
                    .payload(MeetingCancelled.class);
            assertThat(cancelled.teamId()).isEqualTo(f.teamId());
            assertThat(cancelled.reason()).isEqualTo("Leader is travelling");
        }
        cancel(f.leader().token(), f.teamId(), meetingId, 409);
        as(f.member().token()).when().get("/api/teams/{teamId}/meetings/{meetingId}", f.teamId(), meetingId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        Instant start = clock.instant().plus(1, ChronoUnit.HOURS);
        UUID shortMeeting = schedule(f.leader().token(), f.teamId(),
                meeting("Flash", start, start.plus(30, ChronoUnit.MINUTES)));

        clock.advance(Duration.ofMinutes(70));
        cancel(f.leader().token(), f.teamId(), shortMeeting, 409);
        as(f.member().token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(200)
                .body("items.id", hasItem(shortMeeting.toString()));

        clock.advance(Duration.ofMinutes(30));
        as(f.member().token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(200)
                .body("items.id", not(hasItem(shortMeeting.toString())))
                .body("items.id", hasItem(meetingId.toString()));
        as(f.member().token()).queryParam("includePast", true).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(200)
                .body("items.id", hasItem(shortMeeting.toString()));
        as(f.member().token()).when().get("/api/teams/{teamId}/meetings/{meetingId}", f.teamId(), shortMeeting)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void anAdminSchedulingForSomeonesTeamIsAudited() {
        Fixture f = team();
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            UUID meetingId = schedule(TestMembers.adminToken(), f.teamId(), inHours(24));

            MeetingScheduled scheduled = users.await(EventType.MEETING_SCHEDULED, meetingId)
                    .payload(MeetingScheduled.class);
            assertThat(scheduled.organizerId()).as("an admin without a profile organises for the leader")
                    .isEqualTo(f.leader().id());
            AdminActionPerformed audit = users.await(EventType.ADMIN_ACTION_PERFORMED, meetingId)
                    .payload(AdminActionPerformed.class);
            assertThat(audit.action()).isEqualTo("meeting.schedule");
            assertThat(audit.after().get("teamId").asText()).isEqualTo(f.teamId().toString());
        }
    }

    @Test
    void aTerminatedLeaderNeitherSchedulesNorCancelsNorBrowsesMeetings() {
        Fixture f = team();
        UUID meetingId = schedule(f.leader().token(), f.teamId(), inHours(24));
        changeStatus(f.leader().id(), "terminate");

        as(f.leader().token()).body(inHours(24))
                .when().post("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(403).contentType("application/problem+json");
        cancel(f.leader().token(), f.teamId(), meetingId, 403);
        as(f.leader().token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(403).contentType("application/problem+json");
        as(f.leader().token()).when().get("/api/teams/{teamId}/meetings/{meetingId}", f.teamId(), meetingId)
                .then().statusCode(403);

        as(f.member().token()).when().get("/api/teams/{teamId}/meetings", f.teamId())
                .then().statusCode(200)
                .body("items.id", hasItem(meetingId.toString()))
                .body("items.status", hasItem("SCHEDULED"))
                .body("total", equalTo(1));
    }

    @Test
    void aReminderGoesOutOnceShortlyBeforeTheMeeting() throws Exception {
        // The test runs the job itself, at the moments it chooses.
        scheduler.pause(MeetingReminderJob.IDENTITY);
        try (EventLog users = EventLog.tail(Topics.USERS)) {
            Fixture f = team();
            Instant start = clock.instant().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            UUID dueMeeting = schedule(f.leader().token(), f.teamId(),
                    meeting("Soon", start, start.plus(1, ChronoUnit.HOURS)));
            UUID cancelledMeeting = schedule(f.leader().token(), f.teamId(),
                    meeting("Called off", start, start.plus(1, ChronoUnit.HOURS)));
            cancel(f.leader().token(), f.teamId(), cancelledMeeting, 200);
            UUID laterMeeting = schedule(f.leader().token(), f.teamId(),
                    meeting("Later", start.plus(1, ChronoUnit.HOURS), start.plus(2, ChronoUnit.HOURS)));

            reminders.sendDueReminders();
            assertThat(remindersOf(dueMeeting)).as("two hours before the start nothing is due").isZero();

            // Half the reminder lead before the start: the first meeting is due, the later one is not.
            clock.advance(Duration.between(clock.instant(), start.minus(config.reminderLead().dividedBy(2))));
            Instant remindedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (Connection otherInstance = dataSource.getConnection()) {
                otherInstance.setAutoCommit(false);
                lockMeeting(otherInstance, dueMeeting);
                // While another instance holds the meeting, this one skips it rather than waiting or sending twice.
                CompletableFuture.supplyAsync(reminders::sendDueReminders).get(10, TimeUnit.SECONDS);
                assertThat(remindersOf(dueMeeting)).isZero();
                otherInstance.commit();
            }
            reminders.sendDueReminders();
            reminders.sendDueReminders();

            assertThat(remindersOf(dueMeeting)).isEqualTo(1);
            assertThat(remindersOf(cancelledMeeting)).isZero();
            assertThat(remindersOf(laterMeeting)).isZero();
            MeetingReminder reminder = users.await(EventType.MEETING_REMINDER, dueMeeting).payload(MeetingReminder.class);
            assertThat(reminder.teamId()).isEqualTo(f.teamId());
            assertThat(reminder.startsAt()).isEqualTo(start);
            assertThat(reminder.title()).isEqualTo("Soon");
            assertThat(reminder.occurredAt()).as("sent at the clock's time, not the real one")
                    .isAfterOrEqualTo(remindedAt).isBefore(start);
        } finally {
            scheduler.resume(MeetingReminderJob.IDENTITY);
        }
    }

    private static void lockMeeting(Connection connection, UUID meetingId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM meeting WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, meetingId);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    /** Reminders written to the outbox for the meeting: what the job decided, whether or not the relay has sent them. */
    private long remindersOf(UUID meetingId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_log WHERE type = ? AND aggregate_id = ?")) {
            count.setString(1, EventType.MEETING_REMINDER.type());
            count.setString(2, meetingId.toString());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
