package io.downline.user.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;

/** A team meeting: it starts in the future, lasts at most a day, and may be cancelled until it starts. */
@Entity
@Table(name = "meeting")
public class Meeting {

    public static final Duration MAX_LENGTH = Duration.ofHours(24);

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String location;

    @Column(name = "organizer_id", nullable = false, updatable = false)
    public UUID organizerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    /**
     * A new scheduled meeting. Instants are kept with the database's precision (microseconds), so that the
     * event and later reads carry the same values; a blank location is none.
     *
     * @throws BusinessRuleException naming {@code startsAt} or {@code endsAt} when the times break the rules
     */
    public static Meeting schedule(UUID teamId, String title, Instant startsAt, Instant endsAt, String location,
            UUID organizerId, Instant now) {
        Instant start = startsAt.truncatedTo(ChronoUnit.MICROS);
        Instant end = endsAt.truncatedTo(ChronoUnit.MICROS);
        if (!start.isAfter(now)) {
            throw new BusinessRuleException("startsAt", "startsAt must be in the future");
        }
        if (!end.isAfter(start)) {
            throw new BusinessRuleException("endsAt", "endsAt must be after startsAt");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new BusinessRuleException("endsAt", "endsAt must be at most 24 hours after startsAt");
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.teamId = teamId;
        meeting.title = title.trim();
        meeting.startsAt = start;
        meeting.endsAt = end;
        meeting.location = location == null || location.isBlank() ? null : location.trim();
        meeting.organizerId = organizerId;
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return meeting;
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    /**
     * Cancels a meeting that is still scheduled and has not started.
     *
     * @throws ConflictException when it is already cancelled or has started
     */
    public void cancel(String reason, String actor, Instant now) {
        if (status == MeetingStatus.CANCELLED) {
            throw new ConflictException("Meeting " + id + " is already cancelled");
        }
        if (hasStarted(now)) {
            throw new ConflictException("Meeting " + id + " has already started");
        }
        status = MeetingStatus.CANCELLED;
        cancelReason = reason.trim();
        cancelledBy = actor;
        cancelledAt = now.truncatedTo(ChronoUnit.MICROS);
    }
}
