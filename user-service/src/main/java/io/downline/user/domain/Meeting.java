package io.downline.user.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team meeting. */
@Entity
@Table(name = "meeting")
public class Meeting {

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

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    public void cancel(String reason, String actor, Instant now) {
        status = MeetingStatus.CANCELLED;
        cancelReason = reason;
        cancelledBy = actor;
        cancelledAt = now;
    }
}
