package io.downline.user.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.paging.Page;
import io.downline.platform.http.Problem;
import io.downline.platform.http.ProblemException;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Meeting;
import io.downline.user.domain.MeetingStatus;
import io.downline.user.domain.Team;
import io.downline.user.repository.MeetingRepository;
import io.downline.user.rest.dto.MeetingScheduleRequest;
import io.downline.user.rest.dto.MeetingView;

/** Team meetings: the leader (or an admin) schedules and cancels them; the team sees them. */
@ApplicationScoped
public class MeetingService {

    private static final Duration MAX_LENGTH = Duration.ofHours(24);

    private final MeetingRepository meetings;
    private final TeamService teams;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;

    public MeetingService(MeetingRepository meetings, TeamService teams, OutboxWriter outbox, AdminAudit audit,
            Caller caller) {
        this.meetings = meetings;
        this.teams = teams;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public MeetingView schedule(UUID teamId, MeetingScheduleRequest request) {
        Team team = teams.manageable(teamId);
        Instant now = Instant.now();
        // Stored with the database's precision, so that the event and later reads carry the same instants.
        Instant startsAt = request.startsAt().truncatedTo(ChronoUnit.MICROS);
        Instant endsAt = request.endsAt().truncatedTo(ChronoUnit.MICROS);
        if (!startsAt.isAfter(now)) {
            throw invalidTime("startsAt", "must be in the future");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw invalidTime("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw invalidTime("endsAt", "must be at most 24 hours after startsAt");
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.teamId = teamId;
        meeting.title = request.title().trim();
        meeting.startsAt = startsAt;
        meeting.endsAt = endsAt;
        meeting.location = request.location() == null || request.location().isBlank() ? null : request.location().trim();
        // An admin without a member profile schedules on the leader's behalf.
        meeting.organizerId = caller.memberId().orElse(team.leaderId);
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        meetings.persist(meeting);
        meetings.flush();
        outbox.publish(EventType.MEETING_SCHEDULED, meeting.id, new MeetingScheduled(meeting.id, teamId, meeting.title,
                startsAt, endsAt, meeting.location, meeting.organizerId, meeting.createdAt));
        MeetingView view = MeetingView.of(meeting);
        if (teams.actsAsAdmin(team)) {
            audit.record("meeting.schedule", "meeting", meeting.id, null, view);
        }
        return view;
    }

    @Transactional
    public Page<MeetingView> list(UUID teamId, boolean includePast, int page, int size) {
        teams.visible(teamId);
        return meetings.page(teamId, includePast, Instant.now(), page, size).map(MeetingView::of);
    }

    @Transactional
    public MeetingView get(UUID teamId, UUID meetingId) {
        teams.visible(teamId);
        return MeetingView.of(find(teamId, meetingId));
    }

    /** Cancels a meeting that has not started yet. */
    @Transactional
    public MeetingView cancel(UUID teamId, UUID meetingId, String reason) {
        Team team = teams.manageable(teamId);
        Meeting meeting = find(teamId, meetingId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (meeting.status == MeetingStatus.CANCELLED) {
            throw ProblemException.conflict("Meeting " + meetingId + " is already cancelled");
        }
        if (meeting.hasStarted(now)) {
            throw ProblemException.conflict("Meeting " + meetingId + " has already started");
        }
        MeetingView before = MeetingView.of(meeting);
        meeting.cancel(reason.trim(), caller.subject(), now);
        meetings.flush();
        outbox.publish(EventType.MEETING_CANCELLED, meetingId,
                new MeetingCancelled(meetingId, teamId, meeting.cancelReason, now));
        MeetingView after = MeetingView.of(meeting);
        if (teams.actsAsAdmin(team)) {
            audit.record("meeting.cancel", "meeting", meetingId, before, after);
        }
        return after;
    }

    private Meeting find(UUID teamId, UUID meetingId) {
        return meetings.findInTeam(teamId, meetingId).orElseThrow(() -> ProblemException.notFound("Meeting", meetingId));
    }

    private static ProblemException invalidTime(String field, String message) {
        return new ProblemException(422, "business-rule", "Request breaks a business rule", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
