package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MeetingReminder;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.config.MeetingsConfig;
import io.downline.user.domain.Meeting;
import io.downline.user.repository.MeetingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Reminds a team of a meeting {@code downline.meetings.reminder-lead} before it starts, once: the reminder
 * mark and the event commit together, and the rows are taken with {@code FOR UPDATE SKIP LOCKED}, so
 * instances running the job at the same moment never remind of the same meeting twice.
 */
@ApplicationScoped
public class MeetingReminderJob {

    /** The job's identity in the scheduler, to pause or resume it. */
    public static final String IDENTITY = "meeting-reminders";

    private static final Logger LOG = Logger.getLogger(MeetingReminderJob.class);
    private static final int BATCH = 500;

    private final MeetingRepository meetings;
    private final OutboxWriter outbox;
    private final MeetingsConfig config;
    private final Clock clock;

    public MeetingReminderJob(MeetingRepository meetings, OutboxWriter outbox, MeetingsConfig config, Clock clock) {
        this.meetings = meetings;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = IDENTITY, every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int sent = sendDueReminders();
        if (sent > 0) {
            LOG.infof("Sent %d meeting reminder(s)", sent);
        }
    }

    /** Sends the reminders that are due at the clock's now; returns how many. */
    public int sendDueReminders() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<Meeting> due = meetings.lockDueForReminder(now, now.plus(config.reminderLead()), BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            meetings.markReminded(due.stream().map(meeting -> meeting.id).toList(), now);
            for (Meeting meeting : due) {
                outbox.publish(EventType.MEETING_REMINDER, meeting.id,
                        new MeetingReminder(meeting.id, meeting.teamId, meeting.title, meeting.startsAt, now));
            }
            return due.size();
        });
    }
}
