package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MeetingCancelled;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Meeting;
import io.downline.user.domain.Team;
import io.downline.user.repository.MeetingRepository;

/** Team meetings: the leader (or an admin) schedules and cancels them; the team sees them. */
@ApplicationScoped
public class MeetingService {

    private final MeetingRepository meetings;
    private final TeamAccess access;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;

    public MeetingService(MeetingRepository meetings, TeamAccess access, OutboxWriter outbox, AdminAudit audit,
            Caller caller, Clock clock) {
        this.meetings = meetings;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Meeting schedule(UUID teamId, NewMeeting request) {
        Team team = access.manageable(teamId);
        // An admin without a member profile schedules on the leader's behalf.
        UUID organizerId = caller.memberId().orElse(team.leaderId);
        Meeting meeting = Meeting.schedule(teamId, request.title(), request.startsAt(), request.endsAt(),
                request.location(), organizerId, clock.instant());
        meetings.persist(meeting);
        meetings.flush();
        outbox.publish(EventType.MEETING_SCHEDULED, meeting.id, new MeetingScheduled(meeting.id, teamId, meeting.title,
                meeting.startsAt, meeting.endsAt, meeting.location, meeting.organizerId, meeting.createdAt));
        audit.record("meeting.schedule", "meeting", meeting.id, null, MeetingSnapshot.of(meeting));
        return meeting;
    }

    @Transactional
    public Page<Meeting> list(UUID teamId, boolean includePast, int page, int size) {
        access.visible(teamId);
        return meetings.page(teamId, includePast, clock.instant(), page, size);
    }

    @Transactional
    public Meeting get(UUID teamId, UUID meetingId) {
        access.visible(teamId);
        return find(teamId, meetingId);
    }

    /** Cancels a meeting that has not started yet. */
    @Transactional
    public Meeting cancel(UUID teamId, UUID meetingId, String reason) {
        access.manageable(teamId);
        Meeting meeting = find(teamId, meetingId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MeetingSnapshot before = MeetingSnapshot.of(meeting);
        meeting.cancel(reason, caller.subject(), now);
        meetings.flush();
        outbox.publish(EventType.MEETING_CANCELLED, meetingId,
                new MeetingCancelled(meetingId, teamId, meeting.cancelReason, meeting.cancelledAt));
        audit.record("meeting.cancel", "meeting", meetingId, before, MeetingSnapshot.of(meeting));
        return meeting;
    }

    private Meeting find(UUID teamId, UUID meetingId) {
        return meetings.findInTeam(teamId, meetingId).orElseThrow(() -> NotFoundException.of("Meeting", meetingId));
    }
}
